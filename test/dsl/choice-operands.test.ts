import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chain, eq, gt, lt, numeric, variable, workflow, type Selector } from '../../src/dsl/index';
import { stateOf } from '../compiler/compile-helpers';

const Input = z.object({ amount: z.number(), quantity: z.number() });
type In = z.output<typeof Input>;
const done = chain<In>().succeed('Yes');

describe('generic comparisons with a path or a variable on the right', () => {
  // JavaScript callers, `--no-typecheck` or an ignored type error used to get StringGreaterThanPath here:
  // the Choice then silently took the wrong branch for numbers.
  it('are refused with the typed helper to use, instead of guessing a String operator', () => {
    const limit = variable<number>('limit');
    const cases: [string, (s: Selector<In>) => unknown][] = [
      // @ts-expect-error a path on the right of the generic helper is a type error
      ['gt', (s) => gt(s.amount, s.quantity)],
      // @ts-expect-error a variable on the right too
      ['lt', (s) => lt(s.amount, limit)],
      // @ts-expect-error and eq
      ['eq', (s) => eq(s.amount, s.quantity)],
    ];
    for (const [helper, test] of cases) {
      expect(() => workflow('W', { input: Input }).choice('C', (c) => c.when(test as never, done).otherwise(done))).toThrow(
        new RegExp(`${helper}\\(…\\) compares a path with a literal.*numeric\\.${helper}\\(a, b\\)`),
      );
    }
  });

  it('numeric.gt emits NumericGreaterThanPath', () => {
    const flow = workflow('W', { input: Input }).choice('C', (c) => c.when((s) => numeric.gt(s.amount, s.quantity), done).otherwise(done));
    expect((stateOf(flow, 'C').Choices as unknown[])[0]).toEqual({ Variable: '$.amount', NumericGreaterThanPath: '$.quantity', Next: 'Yes' });
  });
});
