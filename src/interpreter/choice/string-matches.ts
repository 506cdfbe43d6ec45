import { runtimeError } from '../errors';

/** Tests a string against a compiled `StringMatches` pattern. */
export type StringMatcher = (value: string) => boolean;

/**
 * Compiles a `StringMatches` pattern once: `*` matches any run of characters (including none),
 * `\*` a literal star and `\\` a literal backslash; every other character matches itself. A pattern
 * ending in a lone backslash compiles to a matcher that raises `States.Runtime` when evaluated, as
 * AWS reports it at run time, not at creation.
 *
 * @example
 * const matches = compileStringMatches('foo*.log');
 * matches('foo23.log'); // true
 */
export function compileStringMatches(pattern: string): StringMatcher {
  let source = '';
  let literalRun = '';
  let hasWildcard = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      if (i + 1 === pattern.length) return danglingBackslash(pattern);
      literalRun += pattern[++i];
    } else if (char === '*') {
      source += escapeRegExp(literalRun) + '[\\s\\S]*';
      literalRun = '';
      hasWildcard = true;
    } else {
      literalRun += char;
    }
  }
  if (!hasWildcard) {
    // No wildcard: plain equality is cheaper than a regular expression.
    const literal = literalRun;
    return (value) => value === literal;
  }
  source += escapeRegExp(literalRun);
  const regExp = new RegExp(`^${source}$`);
  return (value) => regExp.test(value);
}

function danglingBackslash(pattern: string): StringMatcher {
  return () => {
    throw runtimeError(
      `The StringMatches pattern '${pattern}' ends with an unescaped backslash: write '\\\\' for a literal backslash or '\\*' for a literal star.`,
    );
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
