import { describe, expect, it } from 'vitest';
import { prepareStringMatches } from '../../src/interpreter/choice/string-matches';
import { BoundedCache } from '../../src/asl/bounded-cache';
import { withTimeLimits } from '../../src/interpreter/jsonata/budget';
import { run } from '../interpreter/run';

/** Runs one JSONata Pass state whose Output is `expression`; returns the execution result. */
async function jsonataOutput(expression: string, input: unknown = {}) {
  const { result } = await run({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: `{% ${expression} %}`, End: true } } }, input);
  return result;
}

describe('JSONata evaluations are bounded (issue 8)', () => {
  it('a non-tail recursion that would exhaust the heap fails with the depth limit', async () => {
    // 10,000 steps can take more than the default 2 s on a loaded machine: the time limit must not win the race.
    const result = await withTimeLimits({ milliseconds: 60_000 }, () => jsonataOutput('($f := function($n){ 1 + $f($n + 1) }; $f(0))'));
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

describe('regular expressions with back-references or look-arounds are bounded (issue 8)', () => {
  // Measured before: /(a+)+\1$/ against 22 `a`s took 584 ms, doubling per character; 40 would take days.
  const hostile = 'a'.repeat(40) + '!';

  it('$match with a back-reference that backtracks exponentially fails with the regular-expression time limit', async () => {
    const started = Date.now();
    const result = await jsonataOutput('$match($states.input.s, /(a+)+\\1$/)', { s: hostile });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(result.cause).toMatch(/RegexTimeLimit: The expression exceeded the time limit of 1000 ms for one regular expression/);
    // Not a timing assertion on the limit itself: the run ended instead of hanging for days.
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 40_000);

  // The default limit is proven above; these prove each function is bounded, with a smaller limit
  // (the pattern would run for days either way) instead of a second each.
  const LOWERED_MS = 50;

  for (const [fn, expression] of [
    ['$replace', '$replace($states.input.s, /^(?=(a+)+$)/, "x")'],
    ['$split', '$split($states.input.s, /(?=(a+)+$)b/)'],
    ['$contains', '$contains($states.input.s, /(a+)+\\1$/)'],
  ]) {
    it(`${fn} with a look-around or back-reference is bounded too`, async () => {
      const result = await withTimeLimits({ regexMilliseconds: LOWERED_MS }, () => jsonataOutput(expression, { s: hostile }));
      expect(result).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
      expect(result.cause).toMatch(/RegexTimeLimit: The expression exceeded the time limit of 50 ms for one regular expression/);
    }, 40_000);
  }

  it('back-references and look-arounds still work as in JavaScript when they finish', async () => {
    expect(await jsonataOutput('$match("abab-cdcd-xy", /(\\w\\w)\\1/).groups[0]')).toMatchObject({ status: 'SUCCEEDED', output: ['ab', 'cd'] });
    expect(await jsonataOutput('$replace("price: 100 USD, 200 EUR", /\\d+(?= USD)/, "#")')).toMatchObject({ status: 'SUCCEEDED', output: 'price: # USD, 200 EUR' });
    expect(await jsonataOutput('$split("a1b2c3", /(?<=\\d)[a-z]/)')).toMatchObject({ status: 'SUCCEEDED', output: ['a1', '2', '3'] });
    expect(await jsonataOutput('$contains("xyzzy", /(z)\\1/)')).toMatchObject({ status: 'SUCCEEDED', output: true });
    expect(await jsonataOutput('$match("no", /(?!n)o/).match')).toMatchObject({ status: 'SUCCEEDED', output: 'o' });
  });

  it('a JSONPath filter regex with a back-reference is bounded the same way', async () => {
    const { result } = await withTimeLimits({ regexMilliseconds: LOWERED_MS }, () =>
      run({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'hits.$': '$.items[?(@.s =~ /(a+)+\\1$/)]' }, End: true } } }, { items: [{ s: 'aaaa' }, { s: hostile }] }),
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toMatch(/exceeded the time limit of 50 ms/);
  }, 40_000);
});

describe('withTimeLimits (the test seam)', () => {
  it('takes back only its own change when calls overlap, so no limit outlives its call', async () => {
    const { timeLimits } = await import('../../src/interpreter/jsonata/budget');
    const defaults = timeLimits();
    const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const short = withTimeLimits({ regexMilliseconds: 50 }, () => pause(10).then(() => timeLimits()));
    const long = withTimeLimits({ milliseconds: 60_000 }, async () => {
      const during = timeLimits();
      await pause(30);
      return [during, timeLimits()];
    });
    expect(await short).toEqual({ ...defaults, regexMilliseconds: 50, milliseconds: 60_000 });
    const [during, after] = await long;
    expect(during).toEqual({ milliseconds: 60_000, regexMilliseconds: 50 });
    expect(after).toEqual({ ...defaults, milliseconds: 60_000 });
    expect(timeLimits()).toEqual(defaults);
  });
});
