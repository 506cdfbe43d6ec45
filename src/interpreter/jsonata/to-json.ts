import type { Json } from '../../asl/types';

/** Returned when a JSONata result holds something JSON cannot (a function). */
export const UNSUPPORTED: unique symbol = Symbol('unsupported');

/**
 * Turns a JSONata result into JSON: sequences become plain arrays, `undefined` object members are
 * dropped (as JSONata's own output does), `-0` becomes `0`, and non-finite numbers become the
 * strings AWS writes for them (`"Infinity"`, `"-Infinity"`, `"NaN"`). A subtree that is already
 * plain JSON is returned as is, without copying. `undefined` at the top stays `undefined` (the
 * caller reports "returned nothing"); a function anywhere gives {@link UNSUPPORTED}.
 */
export function toJson(value: unknown): Json | undefined | typeof UNSUPPORTED {
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return normaliseNumber(value);
    case 'function':
      return UNSUPPORTED;
    case 'object':
      if (value === null) return null;
      return Array.isArray(value) ? arrayToJson(value) : objectToJson(value as Record<string, unknown>);
    default:
      return UNSUPPORTED;
  }
}

function normaliseNumber(value: number): Json {
  if (Number.isFinite(value)) return Object.is(value, -0) ? 0 : value;
  return String(value);
}

function arrayToJson(array: unknown[]): Json[] | typeof UNSUPPORTED {
  const flagged = array as { sequence?: boolean; keepSingleton?: boolean };
  // `a[]` makes jsonata write `keepSingleton` onto the data's own array: remove it so the caller's
  // JSON is left as it was (and compares equal to plain JSON).
  if (flagged.keepSingleton !== undefined && !flagged.sequence && Object.isExtensible(array)) delete flagged.keepSingleton;
  // Sequences are jsonata's own arrays, marked with extra properties: copy them into plain arrays.
  let copy: Json[] | undefined = flagged.sequence ? (array.slice(0, 0) as Json[]) : undefined;
  for (let i = 0; i < array.length; i++) {
    const element = array[i];
    const converted = toJson(element);
    if (converted === UNSUPPORTED) return UNSUPPORTED;
    if (copy === undefined && (converted !== element || converted === undefined)) copy = array.slice(0, i) as Json[];
    if (copy !== undefined && converted !== undefined) copy.push(converted);
  }
  return copy ?? (array as Json[]);
}

function objectToJson(object: Record<string, unknown>): Json | typeof UNSUPPORTED {
  if (isJsonataFunction(object)) return UNSUPPORTED;
  let copy: Record<string, Json> | undefined;
  let index = 0;
  for (const key in object) {
    const member = object[key];
    const converted = toJson(member);
    if (converted === UNSUPPORTED) return UNSUPPORTED;
    if (copy === undefined && (converted !== member || converted === undefined)) {
      copy = {};
      let copied = 0;
      for (const earlier in object) {
        if (copied++ === index) break;
        copy[earlier] = object[earlier] as Json;
      }
    }
    if (copy !== undefined && converted !== undefined) copy[key] = converted;
    index++;
  }
  return copy ?? (object as Json);
}

/** JSONata lambdas and native-function wrappers are plain objects with marker properties. */
function isJsonataFunction(object: Record<string, unknown>): boolean {
  return object._jsonata_lambda === true || object._jsonata_function === true;
}
