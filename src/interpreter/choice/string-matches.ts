import { runtimeError } from '../errors';

/** Tests a string against a prepared `StringMatches` pattern. */
export type StringMatcher = (value: string) => boolean;

/**
 * Prepares a `StringMatches` pattern once: `*` matches any run of characters (including none),
 * `\*` a literal star and `\\` a literal backslash; every other character matches itself. A pattern
 * ending in a lone backslash prepares to a matcher that raises `States.Runtime` when evaluated, as
 * AWS reports it at run time, not at creation.
 *
 * @example
 * const matches = prepareStringMatches('foo*.log');
 * matches('foo23.log'); // true
 */
export function prepareStringMatches(pattern: string): StringMatcher {
  // Literal runs between the stars; a glob of literals and `*` needs no backtracking: the first run
  // is a prefix, the last a suffix, and each middle run is found leftmost (greedy leftmost is
  // optimal for `*`). A regular expression here backtracked catastrophically (`*-*-*.log` against
  // 8,000 dashes ran for minutes, issue 8).
  const runs: string[] = [];
  let literalRun = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      if (i + 1 === pattern.length) return danglingBackslash(pattern);
      literalRun += pattern[++i];
    } else if (char === '*') {
      runs.push(literalRun);
      literalRun = '';
    } else {
      literalRun += char;
    }
  }
  runs.push(literalRun);
  if (runs.length === 1) {
    // No wildcard: plain equality.
    const literal = literalRun;
    return (value) => value === literal;
  }
  const first = runs[0];
  const last = runs[runs.length - 1];
  const middle = runs.slice(1, -1).filter((run) => run !== '');
  const minLength = first.length + last.length;
  return (value) => {
    if (value.length < minLength || !value.startsWith(first) || !value.endsWith(last)) return false;
    let from = first.length;
    const until = value.length - last.length;
    for (const run of middle) {
      const at = value.indexOf(run, from);
      if (at < 0 || at + run.length > until) return false;
      from = at + run.length;
    }
    return true;
  };
}

function danglingBackslash(pattern: string): StringMatcher {
  return () => {
    throw runtimeError(
      `The StringMatches pattern '${pattern}' ends with an unescaped backslash: write '\\\\' for a literal backslash or '\\*' for a literal star.`,
    );
  };
}
