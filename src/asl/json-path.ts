/**
 * JSONPath syntax as ASL uses it: which root a path reads (input `$`, context `$$`, a variable
 * `$name`), and the *reference path* subset (member and index access only) that ResultPath,
 * ItemsPath, Choice `Variable` and the `*Path` fields require.
 *
 * Parsing only; evaluation lives in the interpreter (`src/interpreter/data/evaluate-path.ts`).
 */

export type PathSegment = string | number;

export type PathRoot =
  | { kind: 'input' }
  | { kind: 'context' }
  | { kind: 'variable'; name: string };

export interface ParsedPath {
  root: PathRoot;
  /** The path relative to the root, always starting with `$` (e.g. `$.a[0]`). */
  relative: string;
  /** Member/index segments when the relative path is a reference path, else `undefined`. */
  segments: PathSegment[] | undefined;
}

// A variable name is a Unicode identifier (ID_Start, then ID_Continue).
const VARIABLE_PREFIX = /^\$([\p{ID_Start}_][\p{ID_Continue}]*)/u;

/** Splits a path into its root and the rest. Returns `undefined` when it does not start with `$`. */
export function parsePath(path: string): ParsedPath | undefined {
  if (!path.startsWith('$')) return undefined;
  let root: PathRoot;
  let relative: string;
  if (path.startsWith('$$')) {
    root = { kind: 'context' };
    relative = path.slice(1);
  } else if (path.length === 1 || path[1] === '.' || path[1] === '[') {
    root = { kind: 'input' };
    relative = path;
  } else {
    const match = VARIABLE_PREFIX.exec(path);
    if (!match) return undefined;
    root = { kind: 'variable', name: match[1] };
    relative = '$' + path.slice(match[0].length);
  }
  return { root, relative, segments: parseReferenceSegments(relative) };
}

/** One step of a path: `.name`, `..` (deep scan) or `[...]` (index, quoted name, wildcard, filter, slice, union). */
type PathStep = { kind: 'member'; name: string } | { kind: 'deep-scan' } | { kind: 'bracket'; inner: string };

/**
 * Splits `relative` (starting with `$`) into its steps; `undefined` when it is not well-formed:
 * unbalanced brackets or quotes, an empty member name or `[]`, a trailing dot.
 */
function scanSteps(relative: string): PathStep[] | undefined {
  if (!relative.startsWith('$')) return undefined;
  const steps: PathStep[] = [];
  let i = 1;
  const n = relative.length;
  while (i < n) {
    const ch = relative[i];
    if (ch === '.') {
      i++;
      if (relative[i] === '.') {
        steps.push({ kind: 'deep-scan' });
        i++;
      }
      if (i >= n) return undefined;
      // `.[` is tolerated by Jayway as `[`.
      if (relative[i] === '[') continue;
      let name = '';
      while (i < n && relative[i] !== '.' && relative[i] !== '[') {
        if (relative[i] === '\\' && i + 1 < n) {
          name += relative[i + 1];
          i += 2;
          continue;
        }
        name += relative[i++];
      }
      if (name === '') return undefined;
      steps.push({ kind: 'member', name });
    } else if (ch === '[') {
      const close = closingBracket(relative, i);
      if (close < 0) return undefined;
      const inner = relative.slice(i + 1, close).trim();
      if (inner === '') return undefined;
      steps.push({ kind: 'bracket', inner });
      i = close + 1;
    } else {
      return undefined;
    }
  }
  return steps;
}

/** Index of the `]` closing the `[` at `open`; -1 when unbalanced. */
function closingBracket(text: string, open: number): number {
  const { end } = scanToClose(text, open + 1, false);
  return text[end] === ']' ? end : -1;
}

/**
 * Scans path text from `from` to the first `]` or `)` (with `stopAtComma`, also `,`) that is outside
 * quoted text and nested brackets/parentheses (filters). At the end of the text, `balanced` says
 * whether every quote and bracket was closed. Used for `[...]` steps and for path arguments of
 * intrinsic functions (`States.Format('{}', $.a[0])`).
 */
export function scanToClose(text: string, from: number, stopAtComma: boolean): { end: number; balanced: boolean } {
  let depth = 0;
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '[' || ch === '(') {
      depth++;
    } else if (ch === ']' || ch === ')') {
      if (depth === 0) return { end: i, balanced: true };
      depth--;
    } else if (ch === ',' && stopAtComma && depth === 0) {
      return { end: i, balanced: true };
    }
  }
  return { end: text.length, balanced: quote === undefined && depth === 0 };
}

/**
 * Whether `relative` (a path starting with `$`) is well-formed JSONPath: balanced brackets and
 * quotes, no empty member names, no trailing dot. Deliberately lenient beyond that: Jayway accepts
 * many forms, and a false rejection would stop a valid workflow from running.
 */
export function isWellFormedJsonPath(relative: string): boolean {
  return scanSteps(relative) !== undefined;
}

/**
 * Parses `$`, `$.a.b`, `$['a b']`, `$["a"]`, `$[0]`, `$.a\.b` into segments; `undefined` when the
 * path uses anything else (wildcards, filters, slices, unions, `..`, functions).
 */
export function parseReferenceSegments(relative: string): PathSegment[] | undefined {
  const steps = scanSteps(relative);
  if (!steps) return undefined;
  const segments: PathSegment[] = [];
  for (const step of steps) {
    const segment = referenceSegment(step);
    if (segment === undefined) return undefined;
    segments.push(segment);
  }
  return segments;
}

function referenceSegment(step: PathStep): PathSegment | undefined {
  if (step.kind === 'deep-scan') return undefined;
  if (step.kind === 'member') return step.name === '*' || step.name.endsWith('()') ? undefined : step.name;
  const inner = step.inner;
  if (/^\d+$/.test(inner)) return Number(inner);
  if (/^'(?:[^'\\]|\\.)*'$/.test(inner) || /^"(?:[^"\\]|\\.)*"$/.test(inner)) {
    // Jayway unescapes only the quote that delimits the name; other backslashes are literal
    // (recorded: `$['Test\""Name"']` reads the key `Test\""Name"`).
    const quote = inner[0];
    return inner.slice(1, -1).split('\\' + quote).join(quote);
  }
  return undefined;
}

/** True when `path` is a reference path (single node, member/index access only). */
export function isReferencePath(path: string): boolean {
  return parsePath(path)?.segments !== undefined;
}

/** Formats segments as Jayway prints a path in error messages: `$['a']['b'][0]`. */
export function formatBracketPath(segments: readonly PathSegment[]): string {
  return '$' + segments.map((s) => (typeof s === 'number' ? `[${s}]` : `['${s}']`)).join('');
}
