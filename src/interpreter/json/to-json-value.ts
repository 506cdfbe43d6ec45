import { nestingProblem } from '../../asl/json-nesting';
import { LIMITS } from '../../asl/limits';
import type { Json } from '../../asl/types';

/**
 * Turns a value handed in from JavaScript (an execution input, a mock's result, a worker's answer)
 * into JSON exactly as `JSON.stringify` would serialise it, or says why it cannot be:
 * `undefined` members are dropped (in arrays they become `null`), `NaN`/`Infinity` become `null`,
 * functions and symbols are dropped, class instances keep their own enumerable members, `toJSON`
 * is honoured (a Date becomes its ISO text). A BigInt, a circular object, a value nested deeper than
 * {@link LIMITS.jsonNesting} levels, or a value that serialises to nothing (`undefined`, a function)
 * is refused. Plain JSON (the usual case) is returned as it is, after one walk.
 *
 * @example
 * toJsonValue({ a: undefined, n: NaN }); // { value: { n: null } }
 * toJsonValue({ big: 1n });              // { problem: "it holds a BigInt (1n), which JSON cannot represent" }
 */
export function toJsonValue(value: unknown): { value: Json } | { problem: string } {
  if (value === undefined) return { problem: 'it is undefined, which JSON cannot represent (return null for "nothing")' };
  const nesting = nestingProblem(value);
  if (nesting) return { problem: nesting };
  if (isPlainJson(value, 0)) return { value: value as Json };
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (thrown) {
    const message = (thrown as Error).message;
    if (/BigInt/i.test(message)) return { problem: `it holds a BigInt (${findBigInt(value, 0)}n), which JSON cannot represent; convert it to a number or a string` };
    return { problem: `it cannot be serialised as JSON: ${message}` };
  }
  if (text === undefined) return { problem: `it is a ${typeof value}, which JSON cannot represent` };
  const parsed = JSON.parse(text) as Json;
  // `toJSON` may have produced deeper data than the value itself.
  const deeper = nestingProblem(parsed);
  return deeper ? { problem: deeper } : { value: parsed };
}

/** JSON as it is: plain objects and arrays, finite numbers, no undefined, no `toJSON`. */
function isPlainJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (depth > LIMITS.jsonNesting) return false;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return false;
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainJson(value[i], depth + 1)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) return false;
        if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
      }
      // Symbol-keyed members are dropped by JSON serialisation; their presence needs a copy.
      return Object.getOwnPropertySymbols(value).length === 0;
    }
    default:
      return false;
  }
}

function findBigInt(value: unknown, depth: number): string | undefined {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object' || depth > LIMITS.jsonNesting) return undefined;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    const found = findBigInt(child, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
