import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Json } from '../../../src/asl/types';
import { StatesError } from '../../../src/interpreter/errors';
import { prepareJsonataTemplate, type JsonataBindings } from '../../../src/interpreter/jsonata';

function sequenceRandom(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length];
}

function bindings(input: Json = {}, random: () => number = () => 0.25): JsonataBindings {
  return { states: { input, context: {} }, variables: {}, random };
}

function run(expression: string, input: Json = {}, random?: () => number): Promise<Json> {
  return prepareJsonataTemplate(`{% ${expression} %}`, 'Output').evaluate(bindings(input, random));
}

async function causeOf(expression: string): Promise<string | null | undefined> {
  try {
    await run(expression);
  } catch (thrown) {
    if (thrown instanceof StatesError) return thrown.cause;
    throw thrown;
  }
  throw new Error(`expected ${expression} to fail`);
}

describe('$partition', () => {
  it.each([
    [[0], 1, [[0]]],
    [[0], 5, [[0]]],
    [[0, 1, 2], 2, [[0, 1], [2]]],
    [[0, 1, 2, 3], 2, [[0, 1], [2, 3]]],
    [[0, 1, 2, 3], 3, [[0, 1, 2], [3]]],
    [[{ a: 1 }, [2], 'x'], 2, [[{ a: 1 }, [2]], ['x']]],
  ])('$partition(%j, %j) = %j', async (array, size, expected) => {
    expect(await run('$partition($states.input.a, $states.input.n)', { a: array, n: size })).toEqual(expected);
  });

  it('truncates a fractional size toward zero', async () => {
    expect(await run('$partition([1,2,3,4,5], 2.9)')).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('an empty array or a zero size returns nothing', async () => {
    expect(await causeOf('$partition([], 2)')).toMatch(/returned nothing \(undefined\)\.$/);
    expect(await causeOf('$partition([1], 0)')).toMatch(/returned nothing \(undefined\)\.$/);
  });

  it('a negative size is an error', async () => {
    expect(await causeOf('$partition([1], -1)')).toMatch(/threw an error during evaluation\. The chunk size of \$partition must be a positive integer/);
  });
});

describe('$range', () => {
  it('is inclusive of end and collapses one element to a number (recorded)', async () => {
    expect(await run('$range(0, 10, 3)')).toEqual([0, 3, 6, 9]);
    expect(await run('$range(1, 9, 9)')).toBe(1);
    expect(await run('$range(0, 10, 5)')).toEqual([0, 5, 10]);
    expect(await run('$range(5, 1, -2)')).toEqual([5, 3, 1]);
    expect(await run('$range(-1.7, 2, 1)')).toEqual([-1, 0, 1, 2]);
  });

  it('a zero step or one pointing away from end returns nothing', async () => {
    expect(await causeOf('$range(0, 10, 0)')).toMatch(/returned nothing/);
    expect(await causeOf('$range(0, 10, -1)')).toMatch(/returned nothing/);
  });

  it('can be used inside a larger expression', async () => {
    expect(await run('$count($range(1, 100, 1))')).toBe(100);
  });
});

describe('$hash', () => {
  it.each([
    ['MD5', 'md5'],
    ['SHA-1', 'sha1'],
    ['SHA-256', 'sha256'],
    ['SHA-384', 'sha384'],
    ['SHA-512', 'sha512'],
  ])('%s gives the lowercase hex digest', async (algorithm, nodeName) => {
    const expected = createHash(nodeName).update('Hash this string').digest('hex');
    expect(await run(`$hash('Hash this string', '${algorithm}')`)).toBe(expected);
  });

  it('knows a published digest', async () => {
    expect(await run("$hash('abc', 'SHA-256')")).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('rejects other algorithms (names are case-sensitive)', async () => {
    expect(await causeOf("$hash('a', 'sha-256')")).toMatch(/The hash algorithm 'sha-256' is not supported/);
  });
});

describe('$random', () => {
  it('without a seed reads the execution random source', async () => {
    expect(await run('$random()', {}, () => 0.125)).toBe(0.125);
  });

  it('with a seed is repeatable and in [0, 1)', async () => {
    const first = (await run('$random(42)')) as number;
    expect(await run('$random(42)', {}, () => 0.9)).toBe(first);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(1);
    expect(await run('$random(43)')).not.toBe(first);
  });
});

describe('$uuid', () => {
  it('is a v4 UUID drawn from the execution random source', async () => {
    const uuid = (await run('$uuid()', {}, sequenceRandom([0.1, 0.7, 0.3]))) as string;
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await run('$uuid()', {}, sequenceRandom([0.1, 0.7, 0.3]))).toBe(uuid);
  });
});

describe('$parse', () => {
  it.each([
    ['-0', 0],
    ['1', 1],
    ['1.1', 1.1],
    ['true', true],
    ['"HelloWorld"', 'HelloWorld'],
    ['[1, 2, "HelloWorld"]', [1, 2, 'HelloWorld']],
    ['{"Arg1": 1, "Arg2": []}', { Arg1: 1, Arg2: [] }],
  ])('$parse(%j) = %j (recorded)', async (text, expected) => {
    expect(await run('$parse($states.input.s)', { s: text })).toEqual(expected);
  });

  it('invalid JSON and a non-string argument are errors', async () => {
    expect(await causeOf('$parse("{x")')).toMatch(/\$parse could not read the string as JSON/);
    expect(await causeOf('$parse(null)')).toMatch(/T0410: Argument 1 of function "parse" does not match function signature$/);
  });
});

describe('$now and $millis', () => {
  it('follow the execution clock when one is given', async () => {
    const at = Date.UTC(2030, 0, 2, 3, 4, 5);
    const b: JsonataBindings = { ...bindings(), clock: () => at };
    const template = prepareJsonataTemplate({ now: '{% $now() %}', millis: '{% $millis() %}', year: '{% $now("[Y0001]") %}' }, 'Output');
    expect(await template.evaluate(b)).toEqual({ now: '2030-01-02T03:04:05.000Z', millis: at, year: '2030' });
  });
});
