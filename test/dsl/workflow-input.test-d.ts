/**
 * `workflow(name, { input })` types the execution input as the schema's zod output, for classic
 * `zod` and `zod/mini` schemas alike (the constraint is zod's core `$ZodType`, see src/dsl/workflow.ts).
 */
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { workflow, type Chain } from '../../src/dsl/index';
import type { InputOf } from '../../src/testing/run';

/** The type the first state receives. */
type Next<C> = C extends Chain<any, infer S, any, any, any, any> ? S : never;

const Order = z.object({ order: z.object({ id: z.string(), total: z.number(), tags: z.array(z.string()).optional() }) });

describe('the input type of a workflow', () => {
  it('is the output type of a classic zod schema, for the first state and for run()', () => {
    const flow = workflow('Orders', { input: Order });
    type Expected = { order: { id: string; total: number; tags?: string[] | undefined } };
    expectTypeOf<Next<typeof flow>>().toEqualTypeOf<Expected>();
    expectTypeOf<InputOf<typeof flow>>().toEqualTypeOf<Expected>();
    expectTypeOf<Next<typeof flow>>().toEqualTypeOf<z.infer<typeof Order>>();
  });

  it('is the output (not the input) of a schema with transforms and defaults', () => {
    const Shaped = z.object({ name: z.string().transform((s) => s.length), retries: z.number().default(3) });
    const flow = workflow('Shaped', { input: Shaped });
    expectTypeOf<Next<typeof flow>>().toEqualTypeOf<{ name: number; retries: number }>();
  });

  it('is inferred from a zod/mini schema too', () => {
    const Mini = zm.object({ id: zm.string(), count: zm.optional(zm.number()) });
    const flow = workflow('Mini', { input: Mini });
    expectTypeOf<Next<typeof flow>>().toEqualTypeOf<{ id: string; count?: number | undefined }>();
  });

  it('is unknown without a schema, and a non-schema is a type error', () => {
    expectTypeOf<Next<ReturnType<typeof workflow<undefined>>>>().toEqualTypeOf<unknown>();
    // @ts-expect-error a JSON Schema object is not a zod schema
    workflow('Json', { input: { type: 'object', properties: {} } });
    // @ts-expect-error a zod-like object without zod's internals is not a schema
    workflow('Fake', { input: { parse: (value: unknown) => value } });
  });

  it('types the first state from a primitive or array schema', () => {
    expectTypeOf<Next<ReturnType<typeof workflow<z.ZodArray<z.ZodNumber>>>>>().toEqualTypeOf<number[]>();
    const flow = workflow('Ids', { input: z.array(z.string()) });
    expectTypeOf<Next<typeof flow>>().toEqualTypeOf<string[]>();
  });
});
