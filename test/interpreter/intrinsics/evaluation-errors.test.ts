import { describe, expect, it } from 'vitest';
import { IntrinsicSyntaxError } from '../../../src/asl/intrinsic-syntax';
import { prepareIntrinsic } from '../../../src/interpreter/intrinsics';
import { failureOf, runIntrinsic } from './run-intrinsic';

// Causes as AWS writes them (captured on AWS by other emulators' test suites): the whole
// expression as written, then what went wrong. The engine prefixes the state part.

describe('a path argument that selects nothing', () => {
  const missing = (text: string, path: string, input: string) =>
    `The function '${text}' had the following error: The JsonPath argument for the field '${path}' could not be found in the input '${input}'`;

  it.each([
    ["States.Format('{}', $.nope)", '$.nope'],
    ["States.Format('{}',$.nope)", '$.nope'],
    ["States.Format('{} {}', $.other, $.a.b)", '$.a.b'],
    ['States.Format($.nope, 1)', '$.nope'],
    ["States.Format('{}', States.Format('{}', $.nope))", '$.nope'],
    ['States.ArrayLength($.nope)', '$.nope'],
    ['States.Array(1, $.nope)', '$.nope'],
    ['States.JsonToString($.nope)', '$.nope'],
    ['States.MathAdd($.nope, 1)', '$.nope'],
    ['States.JsonMerge($.nope, $.other, false)', '$.nope'],
    ["States.Format('{}', $.other[0])", '$.other[0]'],
  ])('%s fails with States.Runtime naming the whole expression and %s', (text, path) => {
    const error = failureOf(text, { other: 1 });
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(missing(text, path, '{"other":1}'));
  });

  it('an index past the end is a miss (unlike a plain "x.$" reference)', () => {
    const text = "States.Format('{}', $.items[5])";
    expect(failureOf(text, { items: [1, 2] }).cause).toBe(missing(text, '$.items[5]', '{"items":[1,2]}'));
  });

  it('a context path miss is reported as $.… against the state input', () => {
    const text = "States.Format('{}', $$.Nope.Deep)";
    const error = failureOf(text, { other: 1 }, { context: { State: { Name: 'P' } } });
    expect(error.cause).toBe(missing(text, '$.Nope.Deep', '{"other":1}'));
  });

  it('an explicit null is a value, not a miss; a wildcard matching nothing is []', () => {
    expect(runIntrinsic("States.Format('{}', $.nul)", { nul: null })).toBe('null');
    expect(runIntrinsic('States.ArrayLength($.items[*].nope)', { items: [1, 2] })).toBe(0);
    expect(runIntrinsic('States.JsonToString($)', { other: 1 })).toBe('{"other":1}');
  });

  it('reads variables and fails on an unassigned one', () => {
    expect(runIntrinsic('States.MathAdd($count, 1)', {}, { variables: { count: 41 } })).toBe(42);
    expect(runIntrinsic('States.ArrayLength($order.items)', {}, { variables: { order: { items: [1, 2] } } })).toBe(2);
    const text = 'States.MathAdd($count, 1)';
    expect(failureOf(text, { a: 1 }).cause).toBe(missing(text, '$count', '{"a":1}'));
  });
});

describe('prepareIntrinsic', () => {
  it('caches by text and evaluates many times over different scopes', () => {
    const text = "States.Format('{}-{}', $.a, $$.Execution.Name)";
    expect(prepareIntrinsic(text)).toBe(prepareIntrinsic(text));
    expect(runIntrinsic(text, { a: 1 }, { context: { Execution: { Name: 'x' } } })).toBe('1-x');
    expect(runIntrinsic(text, { a: 2 }, { context: { Execution: { Name: 'y' } } })).toBe('2-y');
  });

  it('evaluates the recorded nested calls on the state machine name', () => {
    const context = { StateMachine: { Name: 'first-second-third' } };
    expect(runIntrinsic("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)", {}, { context })).toBe(
      'first',
    );
    const last =
      "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))";
    expect(runIntrinsic(last, {}, { context })).toBe('third');
  });

  it('rejects malformed text with IntrinsicSyntaxError (a definition error, caught by the validator)', () => {
    expect(() => prepareIntrinsic('States.Nope(1)')).toThrow(IntrinsicSyntaxError);
    expect(() => prepareIntrinsic('States.ArrayGetItem($.arr, )')).toThrow(IntrinsicSyntaxError);
  });
});
