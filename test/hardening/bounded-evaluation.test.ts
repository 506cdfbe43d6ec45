import { describe, expect, it } from 'vitest';
import { prepareStringMatches } from '../../src/interpreter/choice/string-matches';
import { BoundedCache } from '../../src/asl/bounded-cache';
import { run } from '../interpreter/run';

/** Runs one JSONata Pass state whose Output is `expression`; returns the execution result. */
async function jsonataOutput(expression: string, input: unknown = {}) {
  const { result } = await run({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: `{% ${expression} %}`, End: true } } }, input);
  return result;
}

describe('JSONata evaluations are bounded (issue 8)', () => {
  it('a non-tail recursion that would exhaust the heap fails with the depth limit', async () => {
    const result = await jsonataOutput('($f := function($n){ 1 + $f($n + 1) }; $f(0))');
    expect(result.status).toBe('FAILED');
    expect(result).toMatchObject({ error: 'States.QueryEvaluationError' });
    expect(result.cause).toMatch(/D1011.*depth limit of 10000/);
  });

  it('an endless tail-recursive loop fails with the time limit', async () => {
    const result = await jsonataOutput('($f := function($n){ $f($n + 1) }; $f(0))');
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(result.cause).toMatch(/D1012.*time limit of 2000 ms/);
  }, 20_000);

  it('$range is capped like States.ArrayRange, before allocating', async () => {
    const result = await jsonataOutput('$range(0, 1e9, 1)');
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(result.cause).toMatch(/1000000001 items, more than the limit of 1000/);
    expect(await jsonataOutput('$count($range(1, 1000, 1))')).toMatchObject({ status: 'SUCCEEDED', output: 1000 });
  });

  it('a catastrophically backtracking $match ends quickly', async () => {
    const result = await jsonataOutput('$match($states.input.s, /(a+)+$/)', { s: 'a'.repeat(40) + 'b' });
    // No match: the expression returns nothing, which AWS reports as an evaluation error.
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(result.cause).toMatch(/returned nothing/);
  });

  it('$hash checks the algorithm table by own property', async () => {
    const result = await jsonataOutput("$hash('a', 'constructor')");
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(result.cause).toMatch(/hash algorithm 'constructor' is not supported/);
  });
});

describe('StringMatches is linear (issue 8)', () => {
  it('matches a many-star pattern against 8,000 dashes without backtracking', () => {
    const matches = prepareStringMatches('*-*-*.log');
    expect(matches('-'.repeat(8000))).toBe(false);
    expect(matches('a-b-c.log')).toBe(true);
  });

  it.each([
    ['foo*.log', 'foo23.log', true],
    ['foo*.log', 'foo.log', true],
    ['foo*.log', 'foo.lo', false],
    ['*', '', true],
    ['a*a', 'a', false],
    ['a*a', 'aa', true],
    ['*ab*ab*', 'xabyab', true],
    ['*ab*ab*', 'xaby', false],
    ['log-\\*', 'log-*', true],
    ['log-\\*', 'log-x', false],
    ['a\\\\*', 'a\\xyz', true],
    ['**x', 'x', true],
  ])('%s against %s is %s', (pattern, value, expected) => {
    expect(prepareStringMatches(pattern)(value)).toBe(expected);
  });
});

describe('BoundedCache', () => {
  it('keeps at most its capacity, evicting the least recently used', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.getOrCreate('c', () => 9)).toBe(3);
  });
});
