import { describe, expect, it } from 'vitest';
import { failureOf, invalidArgumentsCause, runIntrinsic } from './run-intrinsic';

// Recorded AWS cases: v2/intrinsic_functions/test_json_manipulation.py.

describe('States.StringToJson', () => {
  it.each([
    ['', null],
    [' ', null],
    ['null', null],
    ['-0', 0],
    ['1', 1],
    ['1.1', 1.1],
    ['true', true],
    ['"HelloWorld"', 'HelloWorld'],
    ['[1, 2, "HelloWorld"]', [1, 2, 'HelloWorld']],
    ['{"Arg1": 1, "Arg2": []}', { Arg1: 1, Arg2: [] }],
  ])('parses %j (recorded)', (text, expected) => {
    const result = runIntrinsic('States.StringToJson($.FunctionInput)', { FunctionInput: text });
    expect(result).toEqual(expected);
    if (expected === 0) expect(Object.is(result, 0)).toBe(true);
  });

  it.each([['{not json'], [1], [null]])('rejects %j', (value) => {
    expect(failureOf('States.StringToJson($.a)', { a: value }).cause).toBe(
      invalidArgumentsCause('States.StringToJson($.a)', 'States.StringToJson'),
    );
  });
});

describe('States.JsonToString', () => {
  it('prints compact JSON', () => {
    expect(runIntrinsic('States.JsonToString($.a)', { a: { name: 'Foo', year: 2020, tags: [1, null] } })).toBe(
      '{"name":"Foo","year":2020,"tags":[1,null]}',
    );
    expect(runIntrinsic('States.JsonToString($)', { other: 1 })).toBe('{"other":1}');
  });
});

describe('States.JsonMerge', () => {
  it('merges shallowly, the second object winning (recorded)', () => {
    const input = { FunctionInput: { fst: { a: { a1: 1, a2: 2 }, b: 2, d: 3 }, snd: { a: { a3: 1, a4: 2 }, c: 3, d: 4 } } };
    expect(runIntrinsic('States.JsonMerge($.FunctionInput.fst, $.FunctionInput.snd, false)', input)).toEqual({
      a: { a3: 1, a4: 2 },
      b: 2,
      c: 3,
      d: 4,
    });
  });

  it('merges a parsed string literal with the execution input (recorded)', () => {
    const text =
      "States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'), $$.Execution.Input.input_field, false)";
    const context = { Execution: { Input: { input_field: { constant_input_field: 'constant_value' } } } };
    expect(runIntrinsic(text, {}, { context })).toEqual({ constant_input_field: 'constant_value', constant_in_literal: 'false' });
  });

  it.each([
    'States.JsonMerge($.a, $.b, true)',
    'States.JsonMerge($.a, $.list, false)',
    "States.JsonMerge($.a, $.b, 'false')",
  ])('rejects %s', (call) => {
    expect(failureOf(call, { a: { x: 1 }, b: { y: 2 }, list: [] }).cause).toBe(invalidArgumentsCause(call, 'States.JsonMerge'));
  });
});
