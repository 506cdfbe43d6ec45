import v8 from 'node:v8';

/**
 * What one JSONata evaluation may use before it fails with `States.QueryEvaluationError` naming the
 * limit. Without a budget `($f := function($n){$f($n+1)}; $f(0))` never ended (JSONata turns tail
 * calls into a loop), `1 + $f($n+1)` exhausted the heap and killed the process, and the event loop
 * froze for every other execution meanwhile (issue 8). AWS publishes no numbers; these are far
 * above any expression a 256 KiB payload can need.
 *
 * - `depth`: nested evaluation steps (JSONata's `stack` option; about 5 per recursive call, so
 *   roughly 2,000 levels of user recursion).
 * - `milliseconds`: wall-clock time of one evaluation (JSONata's `timeout`, checked at every step).
 * - `sequenceItems`: items in one sequence (JSONata's `sequence` option).
 * - `regexMilliseconds`: wall-clock time of one regular expression use (a `$match`, `$replace`,
 *   `$split`, `$contains` call or a JSONPath `=~` test) whose pattern has back-references or
 *   look-arounds (see `bounded-regex.ts`; other patterns are linear-time).
 */
export const JSONATA_BUDGET = Object.freeze({ depth: 10_000, milliseconds: 2_000, sequenceItems: 1_000_000, regexMilliseconds: 1_000 });

/** The code of the regular-expression time limit (not a JSONata code: the limit is ours). */
export const REGEX_BUDGET_CODE = 'RegexTimeLimit';

/** The JSONata error codes of the budget, and how to word each limit in a cause. */
export const BUDGET_ERRORS: Readonly<Record<string, string>> = Object.freeze({
  D1011: `exceeded the evaluation depth limit of ${JSONATA_BUDGET.depth} nested steps (unbounded recursion?)`,
  get D1012() {
    return `exceeded the evaluation time limit of ${timeLimits().milliseconds} ms (an endless loop?)`;
  },
  D2014: 'exceeded the size limit of 10,000,000 items for a range [a..b]',
  D2015: `exceeded the size limit of ${JSONATA_BUDGET.sequenceItems} items in one sequence`,
  get [REGEX_BUDGET_CODE]() {
    return `exceeded the time limit of ${timeLimits().regexMilliseconds} ms for one regular expression (back-references and look-arounds can backtrack exponentially)`;
  },
});

/** The wall-clock limits of the budget. */
export interface TimeLimits {
  readonly milliseconds: number;
  readonly regexMilliseconds: number;
}

const DEFAULT_LIMITS: TimeLimits = { milliseconds: JSONATA_BUDGET.milliseconds, regexMilliseconds: JSONATA_BUDGET.regexMilliseconds };
/** The changes of the pending {@link withTimeLimits} calls, oldest first. */
const changes: Partial<TimeLimits>[] = [];
let limits: TimeLimits = DEFAULT_LIMITS;

/** The time limits in force: those of {@link JSONATA_BUDGET} unless {@link withTimeLimits} changed them. */
export function timeLimits(): TimeLimits {
  return limits;
}

/**
 * Runs `run` with other time limits, then takes its change back. A test seam: proving that a
 * regex function is bounded needs its limit hit, not a full second each (the defaults have their
 * own tests), and proving the depth limit must not race the time limit on a loaded machine. It
 * applies to every evaluation on this thread while `run` is pending. Overlapping calls each take
 * back only their own change (the limits in force are the defaults with the pending changes
 * applied in order), so no call's limits outlive it.
 *
 * @example
 * await withTimeLimits({ regexMilliseconds: 50 }, () => execution.result);
 */
export async function withTimeLimits<T>(changed: Partial<TimeLimits>, run: () => Promise<T>): Promise<T> {
  const change = { ...changed };
  changes.push(change);
  limits = Object.assign({}, DEFAULT_LIMITS, ...changes);
  try {
    return await run();
  } finally {
    changes.splice(changes.indexOf(change), 1);
    limits = Object.assign({}, DEFAULT_LIMITS, ...changes);
  }
}

/**
 * Regular expressions in JSONata (`$match`, `$replace`, `$split`, `$contains`) and JSONPath
 * filters (`=~`) come from definitions the user may not have written. V8 can switch a regular
 * expression to its linear-time engine once it backtracks excessively; without this,
 * `$match(s, /(a+)+$/)` on 29 characters ran for more than 30 s and blocked the process. The flag
 * changes no result, only the worst-case time (patterns with back-references or look-arounds keep
 * the backtracking engine).
 */
v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
