/**
 * JSONPath syntax as ASL uses it: which root a path reads (input `$`, context `$$`, a variable
 * `$name`), and the *reference path* subset (member and index access only) that ResultPath,
 * ItemsPath, Choice `Variable` and the `*Path` fields require.
 *
 * Parsing only; evaluation lives in the interpreter (`src/interpreter/jsonpath/evaluate-path.ts`).
 */

import { FilterSyntaxError, parseFilter, type FilterExpression } from './json-path-filter';

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

/** Text just before a filter's regular expression literal: the `=~` operator. */
const REGEX_OPERATOR_BEFORE = /=~\s*$/;

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
    } else if (ch === '/' && REGEX_OPERATOR_BEFORE.test(text.slice(Math.max(from, i - 16), i))) {
      // A filter's regular expression literal (`@.name =~ /a]b'c/i`): its brackets, parentheses and
      // quotes are the pattern's, not the path's. It ends at the next unescaped `/`, as
      // parseFilter reads it (and as Jayway skips regular expressions when it looks for the `]`).
      i++;
      while (i < text.length && text[i] !== '/') i += text[i] === '\\' ? 2 : 1;
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
 * Whether `relative` (a path starting with `$`) is well-formed JSONPath: see {@link jsonPathProblem}.
 */
export function isWellFormedJsonPath(relative: string): boolean {
  return jsonPathProblem(relative) === undefined;
}

/**
 * One step of a path the interpreter evaluates (Jayway's subset, as AWS runs it): a member, `*`,
 * `..` (applies the next step to the node and every descendant), quoted names or indices (one or a
 * union), a slice, a filter (parsed as data, {@link parseFilter}), or `length()` at the end.
 */
export type QueryStep =
  | { kind: 'member'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'deep-scan' }
  | { kind: 'names'; names: string[] }
  | { kind: 'indexes'; indexes: number[] }
  | { kind: 'slice'; start: number | undefined; end: number | undefined; step: number }
  | { kind: 'filter'; filter: FilterExpression }
  | { kind: 'length' };

/**
 * Parses `relative` (starting with `$`) into the steps the interpreter evaluates, or returns why it
 * is not a path AWS can run: unbalanced brackets or quotes, an empty member name, a trailing dot,
 * a bracket that is not a name, index, union, slice, `*` or filter, a filter outside the
 * grammar of {@link parseFilter}, a function other than a final `length()`.
 *
 * @example
 * parseQuery("$.items[?(@.ok == true)].id"); // { steps: [member items, filter, member id] }
 */
export function parseQuery(relative: string): { steps: QueryStep[] } | { problem: string } {
  const raw = scanSteps(relative);
  if (!raw) return { problem: 'it is not well-formed JSONPath (unbalanced brackets or quotes, an empty member name or a trailing dot)' };
  const steps: QueryStep[] = [];
  for (let i = 0; i < raw.length; i++) {
    const step = raw[i];
    if (step.kind === 'deep-scan') {
      steps.push(step);
      continue;
    }
    if (step.kind === 'member') {
      if (step.name === '*') steps.push({ kind: 'wildcard' });
      else if (step.name.endsWith(')')) {
        if (step.name !== 'length()') return { problem: `'${step.name}' is not a supported function: the only path function is length()` };
        if (i !== raw.length - 1) return { problem: 'length() must be the last step of the path' };
        steps.push({ kind: 'length' });
      } else if (/[()]/.test(step.name)) {
        return { problem: `the member name '${step.name}' contains a parenthesis: write it in brackets, e.g. ['${step.name}']` };
      } else steps.push(step);
      continue;
    }
    const parsed = bracketStep(step.inner);
    if (typeof parsed === 'string') return { problem: parsed };
    steps.push(parsed);
  }
  return { steps };
}

/** Why `relative` is not a path AWS can run, or `undefined`. See {@link parseQuery}. */
export function jsonPathProblem(relative: string): string | undefined {
  const parsed = parseQuery(relative);
  return 'problem' in parsed ? parsed.problem : undefined;
}

const QUOTED = /^\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*$/;
const INTEGER = /^\s*-?\d+\s*$/;
const SLICE = /^\s*(-?\d+)?\s*:\s*(-?\d+)?\s*(?::\s*(\d+)?\s*)?$/;

/** A `[...]` step, or the reason it is not one AWS supports. */
function bracketStep(inner: string): QueryStep | string {
  if (inner === '*') return { kind: 'wildcard' };
  if (inner.startsWith('?')) {
    const body = inner.slice(1).trim();
    if (!body.startsWith('(') || !body.endsWith(')') || closingParen(body) !== body.length - 1) {
      return `the filter '[${inner}]' must be written [?( … )]`;
    }
    try {
      return { kind: 'filter', filter: parseFilter(body.slice(1, -1)) };
    } catch (thrown) {
      if (thrown instanceof FilterSyntaxError) return thrown.message;
      throw thrown;
    }
  }
  const slice = SLICE.exec(inner);
  if (slice) {
    const step = slice[3] === undefined ? 1 : Number(slice[3]);
    if (step < 1) return `the slice '[${inner}]' needs a positive step`;
    return { kind: 'slice', start: slice[1] === undefined ? undefined : Number(slice[1]), end: slice[2] === undefined ? undefined : Number(slice[2]), step };
  }
  const parts = splitUnion(inner);
  if (parts.every((part) => INTEGER.test(part))) return { kind: 'indexes', indexes: parts.map(Number) };
  const names: string[] = [];
  for (const part of parts) {
    const quoted = QUOTED.exec(part);
    if (!quoted) {
      return `'[${inner}]' is not a supported bracket: use ['name'], [0], [0,1], ['a','b'], [1:3], [*] or a filter [?( … )]`;
    }
    // Jayway unescapes only the quote that delimits the name (see referenceSegment).
    names.push(quoted[1] !== undefined ? quoted[1].split("\\'").join("'") : quoted[2].split('\\"').join('"'));
  }
  return { kind: 'names', names };
}

/** Splits a union `a, b` at top-level commas (outside quotes). */
function splitUnion(inner: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const { end } = scanToClose(inner, from, true);
    parts.push(inner.slice(from, end));
    if (end >= inner.length || inner[end] !== ',') break;
    from = end + 1;
  }
  return parts;
}

function closingParen(text: string): number {
  const { end } = scanToClose(text, 1, false);
  return text[end] === ')' ? end : -1;
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
