import { parsePath, type PathSegment } from '../asl/json-path';
import type { Json } from '../asl/types';
import type { ExecutionResult } from '../interpreter';

/** Why a case does not match (first difference), or `undefined` when it matches. */
export function compareResult(
  expected: { status: string; output?: Json; error?: string; cause?: Json },
  actual: ExecutionResult,
  ignore: readonly string[],
): string | undefined {
  if (expected.status !== actual.status) return `status: expected ${expected.status}, got ${actual.status}`;
  const ignored = new Set(ignore.map(ignoreKey));
  if (expected.status === 'SUCCEEDED') {
    return compareJson(expected.output ?? null, actual.output ?? null, ['output'], ignored);
  }
  if (expected.status === 'FAILED') {
    if ((expected.error ?? undefined) !== (actual.error ?? undefined)) {
      return `error: expected ${JSON.stringify(expected.error)}, got ${JSON.stringify(actual.error)}`;
    }
    if (expected.cause !== undefined && expected.cause !== null && !ignored.has(keyOf(['cause']))) {
      if (typeof expected.cause === 'string') {
        if (expected.cause !== actual.cause) return `cause: expected ${JSON.stringify(expected.cause)}, got ${JSON.stringify(actual.cause)}`;
      } else {
        let parsed: Json;
        try {
          parsed = JSON.parse(actual.cause ?? 'null');
        } catch {
          return `cause: expected JSON ${JSON.stringify(expected.cause)}, got ${JSON.stringify(actual.cause)}`;
        }
        return compareJson(expected.cause, parsed, ['cause'], ignored);
      }
    }
  }
  return undefined;
}

/** JSON deep equality (numbers by value, key order free); paths in `ignored` need only be present. */
export function compareJson(expected: Json, actual: Json | undefined, path: PathSegment[], ignored: Set<string>): string | undefined {
  const where = display(path);
  if (actual === undefined) return `${where}: missing (expected ${JSON.stringify(expected)})`;
  if (ignored.has(keyOf(path))) return undefined;
  if (expected === null || typeof expected !== 'object' || actual === null || typeof actual !== 'object') {
    return expected === actual ? undefined : `${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  }
  if (Array.isArray(expected) !== Array.isArray(actual)) return `${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  if (Array.isArray(expected)) {
    const a = actual as Json[];
    if (expected.length !== a.length) return `${where}: expected ${expected.length} elements, got ${a.length}: ${JSON.stringify(actual)}`;
    for (let i = 0; i < expected.length; i++) {
      const diff = compareJson(expected[i], a[i], [...path, i], ignored);
      if (diff) return diff;
    }
    return undefined;
  }
  const a = actual as Record<string, Json>;
  const e = expected as Record<string, Json>;
  for (const key of Object.keys(e)) {
    const diff = compareJson(e[key], Object.prototype.hasOwnProperty.call(a, key) ? a[key] : undefined, [...path, key], ignored);
    if (diff) return diff;
  }
  const extra = Object.keys(a).filter((k) => !Object.prototype.hasOwnProperty.call(e, k));
  if (extra.length > 0) return `${where}: unexpected keys ${extra.join(', ')}`;
  return undefined;
}

export function ignoreKey(path: string): string {
  const segments = parsePath(path)?.segments;
  return segments ? keyOf(segments) : path;
}

function keyOf(segments: readonly PathSegment[]): string {
  return JSON.stringify(segments);
}

function display(path: readonly PathSegment[]): string {
  return '$' + path.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_]\w*$/.test(s) ? `.${s}` : `['${s}']`)).join('');
}
