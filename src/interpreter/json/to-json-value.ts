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
 * is refused. Plain JSON (the usual case) is returned as it is after one walk, or with `copy`
 * copied in that walk: answers (a mock's result, a callback's output) are copied, since a mock
 * may return one object it keeps changing between calls and the history must keep each result as
 * it was; an execution input is taken as given (copying a large input cost map-10k a fifth of its
 * speed), so callers do not change it while the execution runs. A value this function copied is
 * returned as it is (the interpreter never changes JSON it holds).
 *
 * @example
 * toJsonValue({ a: undefined, n: NaN }); // { value: { n: null } }
 * toJsonValue({ big: 1n });              // { problem: "it holds a BigInt (1n), which JSON cannot represent" }
 */
export function toJsonValue(value: unknown, copy = false): { value: Json } | { problem: string } {
  if (value === undefined) return { problem: 'it is undefined, which JSON cannot represent (return null for "nothing")' };
  const nesting = nestingProblem(value);
  if (nesting) return { problem: nesting };
  if (typeof value === 'object' && value !== null && OWNED.has(value)) return { value: value as Json };
  const plain = plainJson(value, 0, copy);
  if (plain !== NOT_PLAIN) return { value: copy ? owned(plain) : plain };
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
  if (deeper) return { problem: deeper };
  return { value: owned(parsed) };
}

/** Objects and arrays {@link toJsonValue} made: already copied, never changed afterwards. */
const OWNED = new WeakSet<object>();
const NOT_PLAIN = Symbol('not plain JSON');

/** Marks a value {@link toJsonValue} returns (only that one: its members are never handed back alone). */
function owned(value: Json): Json {
  if (typeof value === 'object' && value !== null) OWNED.add(value);
  return value;
}

/**
 * `value` (or with `copy`, a copy of it) when it is JSON as it is (plain objects and arrays,
 * finite numbers, no undefined, no `toJSON`, no symbol keys), else {@link NOT_PLAIN}: the value
 * needs serialising. Without `copy` it allocates nothing.
 */
function plainJson(value: unknown, depth: number, copy: boolean): Json | typeof NOT_PLAIN {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : NOT_PLAIN;
    case 'object': {
      if (value === null) return null;
      if (depth > LIMITS.jsonNesting) return NOT_PLAIN;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
        const items: Json[] | undefined = copy ? new Array(value.length) : undefined;
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) return NOT_PLAIN;
          const item = plainJson(value[i], depth + 1, copy);
          if (item === NOT_PLAIN) return NOT_PLAIN;
          if (items) items[i] = item;
        }
        return items ?? (value as Json[]);
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return NOT_PLAIN;
      // Symbol-keyed members are dropped by JSON serialisation; their presence needs serialising.
      if (Object.getOwnPropertySymbols(value).length > 0) return NOT_PLAIN;
      const members: Record<string, Json> | undefined = copy ? {} : undefined;
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) return NOT_PLAIN;
        const member = plainJson((value as Record<string, unknown>)[key], depth + 1, copy);
        if (member === NOT_PLAIN) return NOT_PLAIN;
        if (!members) continue;
        // `__proto__` is a member like any other (as JSON.parse makes it), not the prototype.
        if (key === '__proto__') Object.defineProperty(members, key, { value: member, enumerable: true, writable: true, configurable: true });
        else members[key] = member;
      }
      return members ?? (value as Json);
    }
    default:
      return NOT_PLAIN;
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
