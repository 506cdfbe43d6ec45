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
  D1012: `exceeded the evaluation time limit of ${JSONATA_BUDGET.milliseconds} ms (an endless loop?)`,
  D2014: 'exceeded the size limit of 10,000,000 items for a range [a..b]',
  D2015: `exceeded the size limit of ${JSONATA_BUDGET.sequenceItems} items in one sequence`,
  [REGEX_BUDGET_CODE]: `exceeded the time limit of ${JSONATA_BUDGET.regexMilliseconds} ms for one regular expression (back-references and look-arounds can backtrack exponentially)`,
});

/**
 * Regular expressions in JSONata (`$match`, `$replace`, `$split`, `$contains`) and JSONPath
 * filters (`=~`) come from definitions the user may not have written. V8 can switch a regular
 * expression to its linear-time engine once it backtracks excessively; without this,
 * `$match(s, /(a+)+$/)` on 29 characters ran for more than 30 s and blocked the process. The flag
 * changes no result, only the worst-case time (patterns with back-references or look-arounds keep
 * the backtracking engine).
 */
v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
