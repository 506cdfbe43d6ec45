import type { Json } from '../asl/types';

/** JSON text with object keys sorted: equal for values that are equal as JSON, whatever their key order. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export const TOKEN_PLACEHOLDER = '<task token>';

/** Whether `token` occurs in any string of `value` (no allocation: called on every call's parameters). */
export function containsToken(value: Json, token: string): boolean {
  if (typeof value === 'string') return value.includes(token);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsToken(v, token));
  for (const k in value) if (containsToken(value[k], token)) return true;
  return false;
}

/** `value` with every occurrence of `token` (whole strings and inside strings) replaced by {@link TOKEN_PLACEHOLDER}. */
export function abstractToken(value: Json, token: string): Json {
  if (typeof value === 'string') return value.includes(token) ? value.split(token).join(TOKEN_PLACEHOLDER) : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => abstractToken(v, token));
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) out[k] = abstractToken(v, token);
  return out;
}

/** Deep equality where {@link TOKEN_PLACEHOLDER} on either side matches any string (tokens differ between runs and recordings). */
export function jsonMatches(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return a === TOKEN_PLACEHOLDER || b === TOKEN_PLACEHOLDER;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonMatches(v, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonMatches((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
