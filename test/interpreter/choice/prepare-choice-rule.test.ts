import { describe, expect, it } from 'vitest';
import type { Json, JsonPathChoiceRule } from '../../../src/asl/types';
import { StatesError } from '../../../src/interpreter/errors';
import { prepareChoiceRule, noChoiceMatchedError } from '../../../src/interpreter/choice';

function scope(input: Json, variables: Record<string, Json> = {}, context: Json = {}) {
  return { input, context, variable: (name: string) => variables[name] };
}

function test(rule: JsonPathChoiceRule, input: Json, variables?: Record<string, Json>): boolean {
  return prepareChoiceRule(rule)(scope(input, variables));
}

function errorOf(run: () => unknown): StatesError {
  try {
    run();
  } catch (thrown) {
    if (thrown instanceof StatesError) return thrown;
    throw thrown;
  }
  throw new Error('expected a StatesError');
}

// Values used by the recorded `choice_operators` cases (v2/choice_operators/*).
const SAMPLE_VALUES: Json[] = [' ', '', '2012-10-09T19:00:55', '2012-10-09T19:00:55Z', '2023-02-24', 'HelloWorld', 0, 1.1, [''], [], false, true, null, { A: 0 }, {}];

describe('type tests (recorded on AWS: a value of another type is never coerced)', () => {
  const cases: [string, (value: Json) => boolean][] = [
    ['IsString', (v) => typeof v === 'string'],
    ['IsNumeric', (v) => typeof v === 'number'],
    ['IsBoolean', (v) => typeof v === 'boolean'],
    ['IsNull', (v) => v === null],
    ['IsPresent', () => true],
  ];
  for (const [operator, holds] of cases) {
    it.each(SAMPLE_VALUES)(`${operator} on %j`, (value) => {
      expect(test({ Variable: '$.v', [operator]: true }, { v: value })).toBe(holds(value));
      expect(test({ Variable: '$.v', [operator]: false }, { v: value })).toBe(!holds(value));
    });
  }

  it('IsNumeric is false for numeric strings', () => {
    expect(test({ Variable: '$.v', IsNumeric: true }, { v: '1' })).toBe(false);
  });

  it('IsTimestamp follows the RFC 3339 profile', () => {
    expect(test({ Variable: '$.v', IsTimestamp: true }, { v: '2012-10-09T19:00:55Z' })).toBe(true);
    expect(test({ Variable: '$.v', IsTimestamp: true }, { v: '2012-10-09T19:00:55+01:00' })).toBe(true);
    expect(test({ Variable: '$.v', IsTimestamp: true }, { v: '2012-10-09T19:00:55' })).toBe(false);
    expect(test({ Variable: '$.v', IsTimestamp: true }, { v: '2023-02-24' })).toBe(false);
    expect(test({ Variable: '$.v', IsTimestamp: false }, { v: 12 })).toBe(true);
  });

  it('IsPresent false on a missing path is true, without error', () => {
    expect(test({ Variable: '$.missing', IsPresent: false }, {})).toBe(true);
    expect(test({ Variable: '$.missing', IsPresent: true }, {})).toBe(false);
    expect(test({ Variable: '$unset', IsPresent: true }, {})).toBe(false);
  });
});

describe('string comparisons', () => {
  it.each([
    ['StringEquals', 'Hello', 'Hello', true],
    ['StringEquals', ' ', '     ', false],
    ['StringEquals', '\t\n', '\t\r\n', false],
    ['StringLessThan', 'A', 'AB', true],
    ['StringLessThan', 'AB', 'A', false],
    ['StringGreaterThan', 'A', 'A ', false],
    ['StringGreaterThan', 'b', 'a', true],
    ['StringLessThanEquals', 'A', 'A', true],
    ['StringGreaterThanEquals', '', '', true],
    ['StringGreaterThanEquals', 'A', 'AB', false],
    // UTF-16 code units: 'Z' (0x5A) < 'a' (0x61); U+FF5E < U+1F600 (surrogate 0xD83D) is false by code unit.
    ['StringLessThan', 'Z', 'a', true],
    ['StringLessThan', '\uFF5E', '\u{1F600}', false],
  ])('%s(%j, %j) = %s', (operator, value, literal, expected) => {
    expect(test({ Variable: '$.v', [operator]: literal }, { v: value })).toBe(expected);
    expect(test({ Variable: '$.v', [`${operator}Path`]: '$.w' }, { v: value, w: literal })).toBe(expected);
  });

  it('a non-string value is no match', () => {
    for (const value of SAMPLE_VALUES.filter((v) => typeof v !== 'string')) {
      expect(test({ Variable: '$.v', StringEquals: 'HelloWorld' }, { v: value })).toBe(false);
    }
    expect(test({ Variable: '$.v', StringEqualsPath: '$.w' }, { v: 'x', w: 1 })).toBe(false);
  });
});

describe('StringMatches', () => {
  it.each([
    ['foo*.log', 'foo23.log', true],
    ['*.log', 'zebra.log', true],
    ['foo*.*', 'foobar.zebra', true],
    ['foo*.log', 'foo23.txt', false],
    ['*', '', true],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'aXbY', false],
    ['literal', 'literal', true],
    ['literal', 'literally', false],
    ['log\\*', 'log*', true],
    ['log\\*', 'logs', false],
    ['back\\\\slash', 'back\\slash', true],
    ['(a+)?[b]', '(a+)?[b]', true],
    ['a.c', 'abc', false],
    ['multi*line', 'multi\nline', true],
  ])('%j matches %j: %s', (pattern, value, expected) => {
    expect(test({ Variable: '$.v', StringMatches: pattern }, { v: value })).toBe(expected);
  });

  it('a dangling backslash is a runtime error when evaluated', () => {
    const rule = prepareChoiceRule({ Variable: '$.v', StringMatches: 'abc\\' });
    const error = errorOf(() => rule(scope({ v: 'abc' })));
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toMatch(/unescaped backslash/);
  });

  it('a non-string value is no match', () => {
    expect(test({ Variable: '$.v', StringMatches: '*' }, { v: 1 })).toBe(false);
  });
});

describe('numeric comparisons', () => {
  it.each([
    ['NumericEquals', 0, 0, true],
    ['NumericEquals', 0.0, 0, true],
    ['NumericEquals', 1, 1.0, true],
    ['NumericEquals', 1.1, 1, false],
    ['NumericEquals', 2.22, 2.22, true],
    ['NumericLessThan', 0, 1, true],
    ['NumericLessThan', 1, 1, false],
    ['NumericGreaterThan', 1, 0, true],
    ['NumericGreaterThan', 1, 1, false],
    ['NumericLessThanEquals', 1, 1, true],
    ['NumericLessThanEquals', 1, 0, false],
    ['NumericGreaterThanEquals', 0, 0, true],
    ['NumericGreaterThanEquals', 0, 1, false],
  ])('%s(%j, %j) = %s', (operator, value, literal, expected) => {
    expect(test({ Variable: '$.v', [operator]: literal }, { v: value })).toBe(expected);
    expect(test({ Variable: '$.v', [`${operator}Path`]: '$.w' }, { v: value, w: literal })).toBe(expected);
  });

  it('numeric strings and other types are no match', () => {
    for (const value of ['0', '', ' ', false, null, [], {}] as Json[]) {
      expect(test({ Variable: '$.v', NumericEquals: 0 }, { v: value })).toBe(false);
    }
  });

  it('compares as IEEE doubles', () => {
    expect(test({ Variable: '$.v', NumericEquals: 9007199254740993 }, { v: 9007199254740992 })).toBe(true);
  });
});

describe('BooleanEquals', () => {
  it('matches booleans only', () => {
    expect(test({ Variable: '$.v', BooleanEquals: true }, { v: true })).toBe(true);
    expect(test({ Variable: '$.v', BooleanEquals: false }, { v: false })).toBe(true);
    expect(test({ Variable: '$.v', BooleanEquals: true }, { v: false })).toBe(false);
    expect(test({ Variable: '$.v', BooleanEquals: false }, { v: 0 })).toBe(false);
    expect(test({ Variable: '$.v', BooleanEquals: false }, { v: null })).toBe(false);
    expect(test({ Variable: '$.v', BooleanEqualsPath: '$.w' }, { v: false, w: false })).toBe(true);
    expect(test({ Variable: '$.v', BooleanEqualsPath: '$.w' }, { v: 'true', w: true })).toBe(false);
  });
});

describe('timestamp comparisons', () => {
  it.each([
    ['TimestampEquals', '2012-10-09T19:00:55Z', '2012-10-09T19:00:55Z', true],
    ['TimestampEquals', '2012-10-09T19:00:55Z', '2012-10-09T19:00:56Z', false],
    // Instants, not text: the same moment in another offset is equal.
    ['TimestampEquals', '2012-10-09T20:00:55+01:00', '2012-10-09T19:00:55Z', true],
    ['TimestampEquals', '2012-10-09T19:00:55.000Z', '2012-10-09T19:00:55Z', true],
    ['TimestampLessThan', '2012-10-09T19:00:55Z', '2012-10-09T19:00:56Z', true],
    ['TimestampLessThan', '2012-10-09T19:00:55.1Z', '2012-10-09T19:00:55.100000001Z', true],
    ['TimestampGreaterThan', '2012-10-09T19:00:56Z', '2012-10-09T19:00:55Z', true],
    ['TimestampGreaterThan', '2012-10-09T19:00:55Z', '2012-10-09T19:00:55Z', false],
    ['TimestampLessThanEquals', '2012-10-09T19:00:55Z', '2012-10-09T19:00:55Z', true],
    ['TimestampLessThanEquals', '2012-10-09T19:00:56Z', '2012-10-09T19:00:55Z', false],
    ['TimestampGreaterThanEquals', '2012-10-09T19:00:55Z', '2012-10-09T19:00:56Z', false],
  ])('%s(%j, %j) = %s', (operator, value, literal, expected) => {
    expect(test({ Variable: '$.v', [operator]: literal }, { v: value })).toBe(expected);
    expect(test({ Variable: '$.v', [`${operator}Path`]: '$.w' }, { v: value, w: literal })).toBe(expected);
  });

  it('a value that is not a timestamp is no match (it may still match StringEquals)', () => {
    expect(test({ Variable: '$.v', TimestampEquals: '2012-10-09T19:00:55Z' }, { v: '2012-10-09T19:00:55' })).toBe(false);
    expect(test({ Variable: '$.v', TimestampLessThan: '2012-10-09T19:00:55Z' }, { v: 0 })).toBe(false);
    expect(test({ Variable: '$.v', StringEquals: '2012-10-09T19:00:55Z' }, { v: '2012-10-09T19:00:55Z' })).toBe(true);
  });

  it('rejects an invalid literal when preparing', () => {
    expect(() => prepareChoiceRule({ Variable: '$.v', TimestampEquals: 'yesterday' })).toThrow(/must be a timestamp/);
  });
});

describe('And / Or / Not', () => {
  const inTwenties: JsonPathChoiceRule = {
    And: [
      { Variable: '$.value', NumericGreaterThanEquals: 20 },
      { Variable: '$.value', NumericLessThan: 30 },
    ],
  };

  it('combines rules', () => {
    expect(test(inTwenties, { value: 22 })).toBe(true);
    expect(test(inTwenties, { value: 30 })).toBe(false);
    expect(test({ Or: [{ Variable: '$.a', BooleanEquals: true }, { Variable: '$.b', BooleanEquals: true }] }, { a: false, b: true })).toBe(true);
    expect(test({ Not: { Variable: '$.type', StringEquals: 'Private' } }, { type: 'Public' })).toBe(true);
    expect(test({ And: [{ Variable: '$.type', StringEquals: 'Public' }] }, { type: 'Public' })).toBe(true);
  });

  it('short-circuits in order: a later rule reading a missing path is never evaluated', () => {
    const and: JsonPathChoiceRule = { And: [{ Variable: '$.a', BooleanEquals: true }, { Variable: '$.missing', BooleanEquals: true }] };
    expect(test(and, { a: false })).toBe(false);
    const or: JsonPathChoiceRule = { Or: [{ Variable: '$.a', BooleanEquals: true }, { Variable: '$.missing', BooleanEquals: true }] };
    expect(test(or, { a: true })).toBe(true);
    expect(() => test(or, { a: false })).toThrow(StatesError);
  });
});

describe('paths', () => {
  it('reads variables and the context object', () => {
    expect(test({ Variable: '$guess', StringEqualsPath: '$answer' }, {}, { guess: 'x', answer: 'x' })).toBe(true);
    expect(test({ Variable: '$guess', StringEqualsPath: '$answer' }, {}, { guess: 'x', answer: 'y' })).toBe(false);
    const rule = prepareChoiceRule({ Variable: '$$.Execution.Input.n', NumericLessThanEquals: 0 });
    expect(rule(scope({}, {}, { Execution: { Input: { n: 0 } } }))).toBe(true);
  });

  it('a missing Variable is States.Runtime naming the path', () => {
    const error = errorOf(() => test({ Variable: '$.value', NumericEquals: 42 }, {}));
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe("Invalid path '$.value': The choice state's condition path references an invalid value.");
    expect(errorOf(() => test({ Variable: '$.v', IsNull: true }, {})).error).toBe('States.Runtime');
    expect(errorOf(() => test({ Variable: '$nope', StringEquals: 'x' }, {})).cause).toMatch(/Invalid path '\$nope'/);
  });

  it('a missing ...Path operand is States.Runtime naming that path', () => {
    const error = errorOf(() => test({ Variable: '$.left', NumericEqualsPath: '$.right' }, { left: 8 }));
    expect(error.cause).toBe("Invalid path '$.right': The choice state's condition path references an invalid value.");
  });

  it('a present null is a value, not a missing path', () => {
    expect(test({ Variable: '$.v', IsNull: true }, { v: null })).toBe(true);
    expect(test({ Variable: '$.v', StringEquals: 'x' }, { v: null })).toBe(false);
  });
});

describe('malformed rules fail when preparing, naming the rule', () => {
  it.each([
    [{ Variable: '$.v', NotAnOperator: 1 }, /unknown field 'NotAnOperator'/],
    [{ Variable: '$.v', StringEquals: 'a', NumericEquals: 1 }, /more than one operator/],
    [{ Variable: '$.v' }, /no comparison operator/],
    [{ StringEquals: 'a' }, /needs a 'Variable'/],
    [{ Variable: '$.v', NumericEquals: '1' }, /must be a number/],
    [{ Variable: '$.v', IsNull: 'yes' }, /must be true or false/],
    [{ Variable: '$.v', StringEqualsPath: 3 }, /must be a path string/],
    [{ And: [] }, /'And' must be a non-empty array/],
  ])('%j', (rule, message) => {
    expect(() => prepareChoiceRule(rule as JsonPathChoiceRule)).toThrow(message);
  });

  it('ignores Next, Assign and Comment', () => {
    expect(test({ Variable: '$.v', IsPresent: true, Next: 'X', Comment: 'c', Assign: { a: 1 } }, { v: 1 })).toBe(true);
  });
});

describe('noChoiceMatchedError', () => {
  it('is the States.Runtime AWS reports when no rule matches and there is no Default', () => {
    const error = noChoiceMatchedError('CheckValues');
    expect(error).toBeInstanceOf(StatesError);
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe('Failed to transition out of the state. The state does not point to a next state.');
  });
});
