import jsonataEngine from 'jsonata';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  and, boolean, chain, eq, gt, gte, isBoolean, isNull, isNumeric, isPresent, isString, isTimestamp, jsonata, lt, lte, matches,
  not, numeric, or, string, timestamp, variable, workflow, condition, type Condition, type Selector,
} from '../../src/dsl/index';
import { compile, stateOf } from './compile-helpers';

const Input = z.object({
  n: z.number(), m: z.number(), s: z.string(), t: z.string(), u: z.string(), b: z.boolean(), c: z.boolean(),
  maybe: z.string().nullable().optional(),
});
type In = z.output<typeof Input>;
const flow = (language?: 'JSONata') => workflow('C', { input: Input, ...(language && { queryLanguage: language }) });

const done = chain<In>().succeed('Yes');
const rule = (test: (s: Selector<In>) => Condition, language?: 'JSONata') =>
  (stateOf(flow(language).choice('C', (c) => c.when(test, done).otherwise('C')), 'C').Choices as Record<string, unknown>[])[0];

describe('Choice (JSONPath)', () => {
  it.each([
    ['eq number', (s: Selector<In>) => eq(s.n, 1), { Variable: '$.n', NumericEquals: 1 }],
    ['lt number', (s: Selector<In>) => lt(s.n, 1), { Variable: '$.n', NumericLessThan: 1 }],
    ['lte number', (s: Selector<In>) => lte(s.n, 1), { Variable: '$.n', NumericLessThanEquals: 1 }],
    ['gt number', (s: Selector<In>) => gt(s.n, 1.5), { Variable: '$.n', NumericGreaterThan: 1.5 }],
    ['gte number', (s: Selector<In>) => gte(s.n, 1), { Variable: '$.n', NumericGreaterThanEquals: 1 }],
    ['eq string', (s: Selector<In>) => eq(s.s, 'a'), { Variable: '$.s', StringEquals: 'a' }],
    ['lt string', (s: Selector<In>) => lt(s.s, 'a'), { Variable: '$.s', StringLessThan: 'a' }],
    ['lte string', (s: Selector<In>) => lte(s.s, 'a'), { Variable: '$.s', StringLessThanEquals: 'a' }],
    ['gt string', (s: Selector<In>) => gt(s.s, 'a'), { Variable: '$.s', StringGreaterThan: 'a' }],
    ['gte string', (s: Selector<In>) => gte(s.s, 'a'), { Variable: '$.s', StringGreaterThanEquals: 'a' }],
    ['eq boolean', (s: Selector<In>) => eq(s.b, true), { Variable: '$.b', BooleanEquals: true }],
    ['matches', (s: Selector<In>) => matches(s.s, 'log-*.txt'), { Variable: '$.s', StringMatches: 'log-*.txt' }],
    ['string.eq path', (s: Selector<In>) => string.eq(s.s, s.u), { Variable: '$.s', StringEqualsPath: '$.u' }],
    ['string.lt path', (s: Selector<In>) => string.lt(s.s, s.u), { Variable: '$.s', StringLessThanPath: '$.u' }],
    ['string.gte path', (s: Selector<In>) => string.gte(s.s, s.u), { Variable: '$.s', StringGreaterThanEqualsPath: '$.u' }],
    ['numeric.gt path', (s: Selector<In>) => numeric.gt(s.n, s.m), { Variable: '$.n', NumericGreaterThanPath: '$.m' }],
    ['numeric.lte path', (s: Selector<In>) => numeric.lte(s.n, s.m), { Variable: '$.n', NumericLessThanEqualsPath: '$.m' }],
    ['numeric.eq path', (s: Selector<In>) => numeric.eq(s.n, s.m), { Variable: '$.n', NumericEqualsPath: '$.m' }],
    ['boolean.eq path', (s: Selector<In>) => boolean.eq(s.b, s.c), { Variable: '$.b', BooleanEqualsPath: '$.c' }],
    ['timestamp.eq', (s: Selector<In>) => timestamp.eq(s.t, '2026-01-01T00:00:00Z'), { Variable: '$.t', TimestampEquals: '2026-01-01T00:00:00Z' }],
    ['timestamp.lt', (s: Selector<In>) => timestamp.lt(s.t, '2026-01-01T00:00:00Z'), { Variable: '$.t', TimestampLessThan: '2026-01-01T00:00:00Z' }],
    ['timestamp.gt path', (s: Selector<In>) => timestamp.gt(s.t, s.u), { Variable: '$.t', TimestampGreaterThanPath: '$.u' }],
    ['timestamp.gte path', (s: Selector<In>) => timestamp.gte(s.t, s.u), { Variable: '$.t', TimestampGreaterThanEqualsPath: '$.u' }],
    ['timestamp.lte', (s: Selector<In>) => timestamp.lte(s.t, '2026-01-01T00:00:00Z'), { Variable: '$.t', TimestampLessThanEquals: '2026-01-01T00:00:00Z' }],
    ['isPresent', (s: Selector<In>) => isPresent(s.maybe), { Variable: '$.maybe', IsPresent: true }],
    ['isPresent false', (s: Selector<In>) => isPresent(s.maybe, false), { Variable: '$.maybe', IsPresent: false }],
    ['isNull', (s: Selector<In>) => isNull(s.maybe), { Variable: '$.maybe', IsNull: true }],
    ['isNumeric', (s: Selector<In>) => isNumeric(s.n), { Variable: '$.n', IsNumeric: true }],
    ['isString', (s: Selector<In>) => isString(s.s), { Variable: '$.s', IsString: true }],
    ['isBoolean', (s: Selector<In>) => isBoolean(s.b), { Variable: '$.b', IsBoolean: true }],
    ['isTimestamp', (s: Selector<In>) => isTimestamp(s.t), { Variable: '$.t', IsTimestamp: true }],
  ] as const)('%s', (_name, test, expected) => {
    expect(rule(test)).toEqual({ ...expected, Next: 'Yes' });
  });

  it('reads a variable (assigned before the Choice: an unassigned read is a build error)', () => {
    const count = variable<number>('count');
    const choice = stateOf(flow().pass('Count', { assign: () => ({ count: 4 }) }).choice('C', (c) => c.when(() => gt(count, 3), done).otherwise('C')), 'C');
    expect((choice.Choices as unknown[])[0]).toEqual({ Variable: '$count', NumericGreaterThan: 3, Next: 'Yes' });
  });

  it('emits And, Or and Not', () => {
    expect(rule((s) => and(gt(s.n, 1), or(eq(s.s, 'a'), not(isNull(s.maybe)))))).toEqual({
      And: [
        { Variable: '$.n', NumericGreaterThan: 1 },
        { Or: [{ Variable: '$.s', StringEquals: 'a' }, { Not: { Variable: '$.maybe', IsNull: true } }] },
      ],
      Next: 'Yes',
    });
  });

  it('emits Default, rule Assign and Comment, state Assign, InputPath and OutputPath', () => {
    const definition = compile(
      flow()
        .pass('Start')
        .choice(
          'C',
          (c) => c.when((s) => gt(s.n, 1), done, { assign: ({ input }) => ({ big: input.n }), comment: 'big' }).otherwise('Start'),
          { assign: ({ input }) => ({ small: input.n }), comment: 'choose' },
        ),
    );
    expect(definition.States.C).toEqual({
      Type: 'Choice',
      Comment: 'choose',
      Choices: [{ Variable: '$.n', NumericGreaterThan: 1, Next: 'Yes', Assign: { 'big.$': '$.n' }, Comment: 'big' }],
      Default: 'Start',
      Assign: { 'small.$': '$.n' },
    });
  });

  it('expresses a loop back to an earlier state', () => {
    const definition = compile(
      flow()
        .pass('Draw', { result: { n: 3 }, resultPath: 'draw' })
        .choice('Won?', (c) => c.when((s) => eq(s.draw.n, 7), (b) => b.succeed('Won')).otherwise('Draw')),
    );
    expect(definition.States['Won?']).toEqual({ Type: 'Choice', Choices: [{ Variable: '$.draw.n', NumericEquals: 7, Next: 'Won' }], Default: 'Draw' });
    expect(Object.keys(definition.States)).toEqual(['Draw', 'Won?', 'Won']);
  });
});

describe('Choice (JSONata)', () => {
  const evaluate = async (test: (s: Selector<In>) => Condition, input: Partial<In>) => {
    const condition = rule(test, 'JSONata').Condition as string;
    const body = condition.slice(2, -2);
    return jsonataEngine(body).evaluate({}, { states: { input } });
  };

  it.each([
    ['gt', (s: Selector<In>) => gt(s.n, 1), { n: 2 }, true],
    ['gt false', (s: Selector<In>) => gt(s.n, 1), { n: 1 }, false],
    // A typed gt's mismatch is a QueryEvaluationError now (no redundant guard): choice-jsonata-guards.test.ts.
    ['eq type mismatch is false', (s: Selector<In>) => eq(s.n, 1), { n: 'x' as never }, false],
    ['eq string', (s: Selector<In>) => eq(s.s, 'a'), { s: 'a' }, true],
    ['lte', (s: Selector<In>) => lte(s.n, 1), { n: 1 }, true],
    ['string path', (s: Selector<In>) => string.lt(s.s, s.u), { s: 'a', u: 'b' }, true],
    ['matches', (s: Selector<In>) => matches(s.s, 'log-*.txt'), { s: 'log-2026.txt' }, true],
    ['matches literal star', (s: Selector<In>) => matches(s.s, 'a\\*b'), { s: 'axb' }, false],
    ['isPresent', (s: Selector<In>) => isPresent(s.maybe), {}, false],
    ['isPresent false', (s: Selector<In>) => isPresent(s.maybe, false), {}, true],
    ['isNull', (s: Selector<In>) => isNull(s.maybe), { maybe: null }, true],
    ['isNumeric', (s: Selector<In>) => isNumeric(s.n), { n: 3 }, true],
    ['isString', (s: Selector<In>) => isString(s.n), { n: 3 }, false],
    ['isBoolean', (s: Selector<In>) => isBoolean(s.b), { b: false }, true],
    ['isTimestamp', (s: Selector<In>) => isTimestamp(s.t), { t: '2026-01-01T00:00:00Z' }, true],
    ['timestamp.lt', (s: Selector<In>) => timestamp.lt(s.t, '2026-01-01T00:00:00Z'), { t: '2025-06-01T00:00:00Z' }, true],
    ['boolean.eq', (s: Selector<In>) => boolean.eq(s.b, true), { b: true }, true],
    ['and/or/not', (s: Selector<In>) => and(gt(s.n, 1), or(eq(s.s, 'a'), not(isNull(s.maybe)))), { n: 2, s: 'b', maybe: 'x' }, true],
  ] as const)('%s evaluates like the JSONPath rule', async (_name, test, input, expected) => {
    expect(await evaluate(test, input)).toBe(expected);
  });

  it('emits a jsonata condition, rule Output and Assign', () => {
    const state = stateOf(
      flow('JSONata').choice('C', (c) =>
        c
          .when(jsonata<boolean>`$count($states.input.s) > 0`, done, { output: ({ input }) => ({ s: input.s }), assign: ({ input }) => ({ seen: input.s }) })
          .when(() => condition(true), 'C')
          .otherwise(done),
      ),
      'C',
    );
    expect(state.Choices).toEqual([
      { Condition: '{% $count($states.input.s) > 0 %}', Next: 'Yes', Output: { s: '{% $states.input.s %}' }, Assign: { seen: '{% $states.input.s %}' } },
      { Condition: '{% true %}', Next: 'C' },
    ]);
    expect(state.Default).toBe('Yes');
  });
});
