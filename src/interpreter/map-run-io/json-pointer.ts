import type { Json } from '../../asl/types';

/**
 * Resolves an RFC 6901 JSON Pointer (`/inventory/products/0`) in `document`; `undefined` when a
 * segment is missing. `ItemsPointer` uses it to pick the array inside a JSON file.
 *
 * @example
 * resolveJsonPointer({ a: { b: [1, 2] } }, '/a/b'); // [1, 2]
 */
export function resolveJsonPointer(document: Json, pointer: string): Json | undefined {
  if (pointer === '') return document;
  if (!pointer.startsWith('/')) return undefined;
  let current: Json | undefined = document;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (current !== null && typeof current === 'object') {
      current = Object.prototype.hasOwnProperty.call(current, segment) ? current[segment] : undefined;
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}
