import type { Json, JsonObject } from '../../asl/types';
import { runtimeError } from '../errors';
import { prepareIntrinsic } from '../intrinsics';
import type { RandomSource } from '../random/seeded-random';
import { preparePath, MISSING, type PathScope } from './evaluate-path';

/** A prepared JSONPath payload template: `Parameters`, `ResultSelector`, `ItemSelector`, `Assign`, ... */
export type PayloadTemplate = (scope: PathScope, random: RandomSource) => Json;

type Resolver = (scope: PathScope, random: RandomSource) => Json;

/**
 * Prepares a payload template once: keys ending in `.$` become path reads (`$`, `$$`, `$var`) or
 * intrinsic calls, other values are copied literally (and shared, not copied, when nothing under
 * them is dynamic). A `.$` path that selects nothing is `States.Runtime`, worded as AWS does.
 *
 * @example
 * const t = preparePayloadTemplate({ 'id.$': '$.order.id', fixed: 1 });
 * t({ input: { order: { id: 7 } }, context: {}, variable: () => undefined }, Math.random); // { id: 7, fixed: 1 }
 */
export function preparePayloadTemplate(template: Json): PayloadTemplate {
  const resolver = prepareValue(template);
  return resolver ?? (() => template);
}

/** `undefined` means "constant": the caller reuses the literal. */
function prepareValue(value: Json): Resolver | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) return prepareArray(value);
  return prepareObject(value);
}

function prepareArray(values: Json[]): Resolver | undefined {
  const parts = values.map(prepareValue);
  if (parts.every((p) => p === undefined)) return undefined;
  return (scope, random) => {
    const out = new Array<Json>(values.length);
    for (let i = 0; i < values.length; i++) {
      const part = parts[i];
      out[i] = part ? part(scope, random) : values[i];
    }
    return out;
  };
}

function prepareObject(object: JsonObject): Resolver | undefined {
  const keys: string[] = [];
  const resolvers: (Resolver | undefined)[] = [];
  const literals: Json[] = [];
  let dynamic = false;
  for (const [key, value] of Object.entries(object)) {
    if (key.endsWith('.$') && typeof value === 'string') {
      keys.push(key.slice(0, -2));
      resolvers.push(prepareDynamicField(key, value));
      dynamic = true;
    } else {
      const resolver = prepareValue(value);
      if (resolver) dynamic = true;
      keys.push(key);
      resolvers.push(resolver);
    }
    literals.push(value);
  }
  if (!dynamic) return undefined;
  const n = keys.length;
  const shape = exactShape(keys);
  return (scope, random) => {
    const out: JsonObject = { ...shape };
    for (let i = 0; i < n; i++) {
      const resolver = resolvers[i];
      out[keys[i]] = resolver ? resolver(scope, random) : literals[i];
    }
    return out;
  };
}

/**
 * An object with exactly `keys` (null values) whose hidden class holds them all in-object: a copy
 * of it (`{...shape}`) is allocated at its exact size, where an empty literal filled key by key
 * reserves four slots (a one-key result would take 56 bytes instead of 32). Payloads live on in
 * the history, so their size is the execution's memory. Parsed from JSON so that even a key like
 * `__proto__` is an own data property, as assignment makes it.
 */
function exactShape(keys: readonly string[]): JsonObject {
  const nulls: JsonObject = {};
  for (const key of keys) Object.defineProperty(nulls, key, { value: null, enumerable: true, writable: true, configurable: true });
  return JSON.parse(JSON.stringify(nulls)) as JsonObject;
}

function prepareDynamicField(key: string, expression: string): Resolver {
  if (expression.startsWith('$')) {
    const read = preparePath(expression);
    return (scope) => {
      const value = read(scope);
      if (value === MISSING) {
        throw runtimeError(
          `The JSONPath '${expression}' specified for the field '${key}' could not be found in the input '${JSON.stringify(scope.input)}'`,
        );
      }
      return value;
    };
  }
  const call = prepareIntrinsic(expression);
  return (scope, random) => call(scope, random);
}
