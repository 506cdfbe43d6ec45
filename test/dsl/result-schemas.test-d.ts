import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { awsSdk, lambda, lambdaFunction, withResultSchema, workflow, type Chain } from '../../src/dsl/index';

const Order = z.object({ id: z.string() });
const Charge = z.object({ chargeId: z.string(), amount: z.number() });
const loose = lambdaFunction<{ id: string }, unknown>()('arn:aws:lambda:us-east-1:123456789012:function:charge');
const typed = lambdaFunction<{ id: string }, { chargeId: string }>()('arn:aws:lambda:us-east-1:123456789012:function:charge');
const start = () => workflow('T', { input: Order });
type Next<C> = C extends Chain<any, infer S, any, any, any, any> ? S : never;

describe('zod result schemas on integrations', () => {
  it('infers the result type from the schema', () => {
    const invoked = start().task('Charge', lambda.invoke(loose, (s) => ({ id: s.id }), { result: Charge }));
    expectTypeOf<Next<typeof invoked>['Payload']>().toEqualTypeOf<{ chargeId: string; amount: number }>();
    const called = start().task('Charge', lambda.call(loose, (s) => ({ id: s.id }), { result: Charge }));
    expectTypeOf<Next<typeof called>>().toEqualTypeOf<{ chargeId: string; amount: number }>();
    const listed = start().task('List', withResultSchema(awsSdk('s3', 'listObjectsV2', { Bucket: 'b' }), z.object({ KeyCount: z.number() })));
    expectTypeOf<Next<typeof listed>>().toEqualTypeOf<{ KeyCount: number }>();
  });

  it('keeps the declared type without a schema, and rejects a schema that contradicts it', () => {
    const plain = start().task('Charge', lambda.invoke(typed, (s) => ({ id: s.id })));
    expectTypeOf<Next<typeof plain>['Payload']>().toEqualTypeOf<{ chargeId: string }>();
    start().task('Charge', lambda.invoke(typed, (s) => ({ id: s.id }), { result: Charge }));
    // @ts-expect-error the function is declared to return { chargeId: string }, the schema says a number
    start().task('Charge', lambda.invoke(typed, (s) => ({ id: s.id }), { result: z.object({ chargeId: z.number() }) }));
  });
});
