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

/**
 * Parses `$`, `$.a.b`, `$['a b']`, `$["a"]`, `$[0]`, `$.a\.b` into segments; `undefined` when the
 * path uses anything else (wildcards, filters, slices, unions, `..`, functions).
 */
export function parseReferenceSegments(relative: string): PathSegment[] | undefined {
  if (!relative.startsWith('$')) return undefined;
  const segments: PathSegment[] = [];
  let i = 1;
  const n = relative.length;
  while (i < n) {
    const ch = relative[i];
    if (ch === '.') {
      i++;
      if (relative[i] === '.' || relative[i] === '[') {
        // `..` (deep scan) is not a reference path; `.[` is tolerated by Jayway as `[`.
        if (relative[i] === '.') return undefined;
        continue;
      }
      let name = '';
      while (i < n && relative[i] !== '.' && relative[i] !== '[') {
        if (relative[i] === '\\' && i + 1 < n) {
          name += relative[i + 1];
          i += 2;
          continue;
        }
        name += relative[i++];
      }
      if (name === '' || name === '*' || name.endsWith('()')) return undefined;
      segments.push(name);
    } else if (ch === '[') {
      const close = findBracketEnd(relative, i);
      if (close < 0) return undefined;
      const inner = relative.slice(i + 1, close).trim();
      i = close + 1;
      if (/^\d+$/.test(inner)) {
        segments.push(Number(inner));
      } else if (/^'(?:[^'\\]|\\.)*'$/.test(inner) || /^"(?:[^"\\]|\\.)*"$/.test(inner)) {
        // Jayway unescapes only the quote that delimits the name; other backslashes are literal
        // (recorded: `$['Test\""Name"']` reads the key `Test\""Name"`).
        const quote = inner[0];
        segments.push(inner.slice(1, -1).split('\\' + quote).join(quote));
      } else {
        return undefined;
      }
    } else {
      return undefined;
    }
  }
  return segments;
}

function findBracketEnd(text: string, open: number): number {
  let quote: string | undefined;
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === ']') {
      return i;
    }
  }
  return -1;
}

/** True when `path` is a reference path (single node, member/index access only). */
export function isReferencePath(path: string): boolean {
  return parsePath(path)?.segments !== undefined;
}

/** Formats segments as Jayway prints a path in error messages: `$['a']['b'][0]`. */
export function formatBracketPath(segments: readonly PathSegment[]): string {
  return '$' + segments.map((s) => (typeof s === 'number' ? `[${s}]` : `['${s}']`)).join('');
}
