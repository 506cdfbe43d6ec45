import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chain, eq, gt, lt, matches, numeric, string, timestamp, workflow, type Condition, type Selector } from '../../src/dsl/index';
import type { Json } from '../../src/asl/types';
import { Interpreter } from '../../src/interpreter';
import { compile, stateOf } from './compile-helpers';

// JSONata Choice conditions from typed comparisons read as an expert writes them, without the
// `$type(...)` guards the types make redundant (issue 11; why in src/compiler/emit/choice.ts).
const Input = z.object({ n: z.number(), m: z.number(), s: z.string(), u: z.string(), t: z.string() });
type In = z.output<typeof Input>;
const flow = () => workflow('Guards', { input: Input, queryLanguage: 'JSONata' });
const done = chain<In>().succeed('Yes');
const condition = (test: (s: Selector<In>) => Condition) =>
  ((stateOf(flow().choice('C', (c) => c.when(test, done).otherwise('C')), 'C').Choices as { Condition: string }[])[0]).Condition;

describe('JSONata Choice conditions', () => {
  it.each([
    ['gt number', (s: Selector<In>) => gt(s.n, 100), '{% $states.input.n > 100 %}'],
    ['lt string', (s: Selector<In>) => lt(s.s, 'm'), '{% $states.input.s < "m" %}'],
    ['eq number', (s: Selector<In>) => eq(s.n, 1), '{% $states.input.n = 1 %}'],
    ['eq string', (s: Selector<In>) => eq(s.s, 'a'), '{% $states.input.s = "a" %}'],
    ['numeric.gt of two selectors', (s: Selector<In>) => numeric.gt(s.n, s.m), '{% $states.input.n > $states.input.m %}'],
    ['string.eq of two selectors', (s: Selector<In>) => string.eq(s.s, s.u), '{% $states.input.s = $states.input.u %}'],
    ['matches', (s: Selector<In>) => matches(s.s, 'log-*'), '{% $contains($states.input.s, /^log-.*$/) %}'],
  ] as const)('%s of typed selectors: the plain comparison', (_name, test, expected) => {
    expect(condition(test)).toBe(expected);
  });

  it('keeps the timestamp test (a string type says nothing of its being a timestamp)', () => {
    expect(condition((s) => timestamp.lt(s.t, '2026-01-01T00:00:00Z'))).toContain('$contains($states.input.t');
  });
});

describe('what the conditions do (run by the interpreter, JSONata as AWS evaluates it)', () => {
  const big = chain<In>().pass('Big', { output: () => ({ size: 'big' }) }).succeed('BigDone');
  const small = chain<In>().pass('Small', { output: () => ({ size: 'small' }) }).succeed('SmallDone');
  const definition = compile(
    flow().choice('Big?', (c) => c.when((s) => gt(s.n, 100), big).when((s) => eq(s.s, 'big'), big).otherwise(small)),
  );
  const run = (input: Json) => new Interpreter().createStateMachine(definition, { type: 'STANDARD' }).startExecution(input).result;

  it('takes the branch the types say', async () => {
    expect(await run({ n: 500, m: 0, s: '', u: '', t: '' })).toMatchObject({ status: 'SUCCEEDED', output: { size: 'big' } });
    expect(await run({ n: 5, m: 0, s: '', u: '', t: '' })).toMatchObject({ status: 'SUCCEEDED', output: { size: 'small' } });
  });

  it('a value of another type than its declared one fails loudly (States.QueryEvaluationError), not a silent wrong branch', async () => {
    // Only reachable when the types were bypassed (input not checked against the schema, `as never`).
    const result = await run({ n: 'five hundred', m: 0, s: '', u: '', t: '' });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
  });

  it('an equality with a value of another type is false, as the JSONPath rule is', async () => {
    expect(await run({ n: 5, m: 0, s: 42, u: '', t: '' })).toMatchObject({ status: 'SUCCEEDED', output: { size: 'small' } });
  });
});
