import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/interpreter/random/seeded-random';
import { failureOf, invalidArgumentsCause, runIntrinsic } from './run-intrinsic';

// Recorded AWS cases: v2/intrinsic_functions/test_math_operations.py.

describe('States.MathAdd', () => {
  const text = 'States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)';
  it.each([
    [-9, 3, -6],
    [1.49, 1.5, 3],
    [1.5, 1.51, 4],
    [-1.49, -1.5, -2],
    [-1.5, -1.51, -3],
    [1.49, 0, 1],
    [1.49, -1.49, 0],
    [1.5, 0, 2],
    [1.51, 0, 2],
    [-1.49, 0, -1],
    [-1.5, 0, -1],
    [-1.51, 0, -2],
    [0.5, 0, 1],
    [2.5, 0, 3],
    [3.5, 0, 4],
    [-0.5, 0.5, 1],
    [-0.5, 0, 0],
    [-2.5, 0, -2],
    [-3.5, 0, -3],
  ])('%j + %j = %j with Java Math.round (recorded)', (fst, snd, expected) => {
    const result = runIntrinsic(text, { FunctionInput: { fst, snd } });
    expect(result).toBe(expected);
  });

  it('works on nested results', () => {
    expect(runIntrinsic("States.MathAdd(States.ArrayLength(States.StringSplit('a-b-c', '-')), -1)")).toBe(2);
  });

  it.each([
    "States.MathAdd(1, 'NOT A NUMBER')",
    'States.MathAdd(null, 1)',
    'States.MathAdd(2147483647, 1)',
    'States.MathAdd(3000000000, 0)',
  ])('rejects %s', (call) => {
    const error = failureOf(call);
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(invalidArgumentsCause(call, 'States.MathAdd'));
  });
});

describe('States.MathRandom', () => {
  it.each([
    [12.5, 44.51],
    [9999, 99999],
    [-99999, -9999],
  ])('draws an integer in [%j, %j) (recorded inputs)', (fst, snd) => {
    for (let seed = 0; seed < 50; seed++) {
      const value = runIntrinsic('States.MathRandom($.fst, $.snd)', { fst, snd }, { random: seededRandom(seed) }) as number;
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(Math.trunc(fst));
      expect(value).toBeLessThan(Math.trunc(snd));
    }
  });

  it('reaches both ends of the range and never the exclusive end', () => {
    const seen = new Set<number>();
    const random = seededRandom(3);
    for (let i = 0; i < 200; i++) seen.add(runIntrinsic('States.MathRandom(1, 4)', {}, { random }) as number);
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('is reproducible for a seeded execution random source', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return [1, 2, 3].map(() => runIntrinsic('States.MathRandom(0, 1000000)', {}, { random }));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('with a seed argument depends only on the seed, as java.util.Random does', () => {
    const text = 'States.MathRandom($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)';
    const input = { FunctionInput: { fst: 0, snd: 999, trd: 3 } };
    const a = runIntrinsic(text, input, { random: seededRandom(1) });
    const b = runIntrinsic(text, input, { random: seededRandom(2) });
    expect(a).toBe(b);
    // Checked on a JVM: new Random(42).nextInt(100) == 30, new Random(1).nextInt(1000) == 985,
    // new Random(42).nextInt(10) == 0, new Random(7).nextInt(16) == 11 (power-of-two path),
    // new Random(-5).nextInt(1 << 20) == 282382, new Random(123456789).nextInt(2147483647) == 1426010965.
    expect(runIntrinsic('States.MathRandom(0, 100, 42)')).toBe(30);
    expect(runIntrinsic('States.MathRandom(0, 1000, 1)')).toBe(985);
    expect(runIntrinsic('States.MathRandom(10, 20, 42)')).toBe(10);
    expect(runIntrinsic('States.MathRandom(0, 16, 7)')).toBe(11);
    expect(runIntrinsic('States.MathRandom(0, 1048576, -5)')).toBe(282382);
    expect(runIntrinsic('States.MathRandom(0, 2147483647, 123456789)')).toBe(1426010965);
  });

  it.each([
    'States.MathRandom(1, 1)',
    'States.MathRandom(10, 5)',
    'States.MathRandom(1.49, 1.49)',
    "States.MathRandom('a', 10)",
    "States.MathRandom(1, 10, 'seed')",
    'States.MathRandom(1, 10, null)',
  ])('rejects %s', (call) => {
    const error = failureOf(call);
    expect(error.error).toBe('States.Runtime');
    expect(error.cause).toBe(invalidArgumentsCause(call, 'States.MathRandom'));
  });
});
