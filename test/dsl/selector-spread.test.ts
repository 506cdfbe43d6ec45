/**
 * Spreading a selector (`{ ...input, review: result }`) used to copy nothing: the compiled output
 * silently lost the input. A selector records a path and holds no data, so spreading it is a
 * `DslUsageError` saying what to write instead.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileWorkflow, DslUsageError, jsonata, workflow } from '../../src/index';

const Order = z.object({ order: z.object({ id: z.string(), total: z.number() }) });

describe('spreading a selector', () => {
  it('is refused with the alternatives, in JSONata output and JSONPath parameters', () => {
    expect(() =>
      workflow('Spread', { input: Order, queryLanguage: 'JSONata' }).pass('Keep', { output: ({ input }) => ({ ...input, checked: true }) }),
    ).toThrow(DslUsageError);
    expect(() => workflow('Spread', { input: Order }).pass('Keep', { parameters: (s) => ({ ...s.order, checked: true }) })).toThrow(
      /Spreading or listing the members of input\.order .*copies nothing.*resultPath.*\$merge/,
    );
    expect(() => workflow('Spread', { input: Order }).pass('Keep', { parameters: (s) => ({ keys: Object.keys(s) }) })).toThrow(DslUsageError);
  });

  it('leaves the written alternative working: $merge keeps the input and adds the field', () => {
    const flow = workflow('Merge', { input: Order, queryLanguage: 'JSONata' })
      .pass('Keep', { output: ({ input }) => jsonata<{ order: { id: string; total: number }; checked: boolean }>`$merge([${input}, { "checked": true }])` })
      .succeed('Done');
    expect(compileWorkflow(flow).definition.States.Keep).toMatchObject({ Output: '{% $merge([$states.input, { "checked": true }]) %}' });
  });
});
