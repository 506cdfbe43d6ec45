import { describe, expect, it } from 'vitest';
import { failureOf, invalidArgumentsCause, runIntrinsic } from './run-intrinsic';

// Inputs/outputs below are the recorded AWS cases (v2/intrinsic_functions/test_array.py).

describe('States.Array', () => {
  const text = 'States.Array($.FunctionInput.fst, $.FunctionInput.snd)';
  it.each([
    ['', ''],
    [' ', ' '],
    ['HelloWorld', 'HelloWorld'],
    [null, null],
    [1, 1],
    [1.1, 1.1],
    ['{"Arg1": 1, "Arg2": []}', '{"Arg1": 1, "Arg2": []}'],
    [{ Arg1: 1, Arg2: [] }, { Arg1: 1, Arg2: [] }],
  ])('builds [%j, %j]', (fst, snd) => {
    expect(runIntrinsic(text, { FunctionInput: { fst, snd } })).toEqual([fst, snd]);
  });

  it('mixes literals, paths and nested calls, and may be empty', () => {
    expect(runIntrinsic("States.Array('a', 1, true, null, $.x, States.Array())", { x: { y: 2 } })).toEqual([
      'a',
      1,
      true,
      null,
      { y: 2 },
      [],
    ]);
  });
});

describe('States.ArrayPartition', () => {
  const text = 'States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)';
  const arrays = [[], [0], [0, 1], [0, 1, 2], [0, 1, 2, 3]];
  // Recorded: every array above with every chunk size 1..5.
  const recorded: Record<string, unknown[]> = {
    '[]': [[], [], [], [], []],
    '[0]': [[[0]], [[0]], [[0]], [[0]], [[0]]],
    '[0,1]': [[[0], [1]], [[0, 1]], [[0, 1]], [[0, 1]], [[0, 1]]],
    '[0,1,2]': [[[0], [1], [2]], [[0, 1], [2]], [[0, 1, 2]], [[0, 1, 2]], [[0, 1, 2]]],
    '[0,1,2,3]': [[[0], [1], [2], [3]], [[0, 1], [2, 3]], [[0, 1, 2], [3]], [[0, 1, 2, 3]], [[0, 1, 2, 3]]],
  };
  for (const fst of arrays) {
    it.each([1, 2, 3, 4, 5])(`partitions ${JSON.stringify(fst)} in chunks of %i`, (snd) => {
      expect(runIntrinsic(text, { FunctionInput: { fst, snd } })).toEqual(recorded[JSON.stringify(fst)][snd - 1]);
    });
  }

  it.each([0, -1, 0.49])('rejects the chunk size %j', (size) => {
    const error = failureOf(text, { FunctionInput: { fst: [1], snd: size } });
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(invalidArgumentsCause(text, 'States.ArrayPartition'));
  });
});

describe('States.ArrayContains', () => {
  it.each([
    [[1, 2, 3], 2, true],
    [[1, 2, 3], 4, false],
    [[{ a: 1, b: [1, 2] }], { b: [1, 2], a: 1 }, true],
    [[[1, 2]], [2, 1], false],
    [[null], null, true],
    [['1'], 1, false],
  ])('%j contains %j: %j', (array, value, expected) => {
    expect(runIntrinsic('States.ArrayContains($.a, $.v)', { a: array, v: value })).toBe(expected);
  });
});

describe('States.ArrayRange', () => {
  const text = 'States.ArrayRange($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)';
  it.each([
    [0, 9, 3, [0, 3, 6, 9]],
    [0, 10, 3, [0, 3, 6, 9]],
    [1, 9, 9, [1]],
    [1, 9, 2, [1, 3, 5, 7, 9]],
    [5, 1, -2, [5, 3, 1]],
    [5, 1, 1, []],
    [3, 3, -1, [3]],
    [1.4, 5.6, 2.2, [1, 3, 5]],
  ])('(%j, %j, %j) is %j', (fst, snd, trd, expected) => {
    expect(runIntrinsic(text, { FunctionInput: { fst, snd, trd } })).toEqual(expected);
  });

  it('allows exactly 1000 items and rejects 1001', () => {
    expect(runIntrinsic('States.ArrayRange(1, 1000, 1)')).toHaveLength(1000);
    expect(failureOf('States.ArrayRange(1, 1001, 1)').cause).toBe(
      invalidArgumentsCause('States.ArrayRange(1, 1001, 1)', 'States.ArrayRange'),
    );
  });

  it.each(['States.ArrayRange(1, 10, 0)', 'States.ArrayRange(1, 10, 0.49)', "States.ArrayRange('a', 5, 1)"])(
    'rejects %s',
    (call) => {
      const error = failureOf(call);
      expect(error.error).toBe('States.Runtime');
      expect(error.cause).toBe(invalidArgumentsCause(call, 'States.ArrayRange'));
    },
  );
});

describe('States.ArrayGetItem', () => {
  it('returns the item at a 0-based index (recorded)', () => {
    const input = { FunctionInput: { fst: [1, 2, 3, 4, 5, 6, 7, 8, 9], snd: 5 } };
    expect(runIntrinsic('States.ArrayGetItem($.FunctionInput.fst, $.FunctionInput.snd)', input)).toBe(6);
  });

  it('truncates a fractional index', () => {
    expect(runIntrinsic('States.ArrayGetItem($.a, 1.2)', { a: [10, 20, 30] })).toBe(20);
  });

  it.each([
    ['States.ArrayGetItem($.a, 3)', { a: [10, 20, 30] }],
    ['States.ArrayGetItem($.a, -1)', { a: [10, 20, 30] }],
    ["States.ArrayGetItem($.a, '1')", { a: [10, 20, 30] }],
    ["States.ArrayGetItem('not-array', 0)", {}],
  ])('rejects %s', (call, input) => {
    expect(failureOf(call, input).cause).toBe(invalidArgumentsCause(call, 'States.ArrayGetItem'));
  });
});

describe('States.ArrayLength', () => {
  it('counts the items (recorded)', () => {
    expect(runIntrinsic('States.ArrayLength($.FunctionInput)', { FunctionInput: [1, 2, 3, 4, 5, 6, 7, 8, 9] })).toBe(9);
  });

  it('rejects a non-array', () => {
    expect(failureOf('States.ArrayLength($.a)', { a: 'abc' }).cause).toBe(
      invalidArgumentsCause('States.ArrayLength($.a)', 'States.ArrayLength'),
    );
  });
});

describe('States.ArrayUnique', () => {
  it('drops later duplicates, by deep equality, keeping first-occurrence order', () => {
    expect(
      runIntrinsic('States.ArrayUnique($.a)', { a: [1, 2, 3, 3, 3, 3, 3, 3, 4, { x: 1, y: 2 }, { y: 2, x: 1 }, 1, '1'] }),
    ).toEqual([1, 2, 3, 4, { x: 1, y: 2 }, '1']);
  });
});
