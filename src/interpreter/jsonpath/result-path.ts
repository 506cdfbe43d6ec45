import { formatBracketPath, parsePath, type PathSegment } from '../../asl/json-path';
import type { Json, JsonObject } from '../../asl/types';
import { runtimeError } from '../errors';

/** Puts a state's result into its raw input, as `ResultPath` says. */
export type ResultPlacer = (rawInput: Json, result: Json) => Json;

/**
 * Prepares a `ResultPath`: `undefined`/`"$"` → the result replaces the input; `null` → the input is
 * kept; `$.a.b` → the result is written at that place in a copy of the input. Only the objects
 * along the path are copied (values are immutable, the rest is shared); missing objects are
 * created. Writing into a non-object is `States.Runtime`, as AWS reports it.
 *
 * @example
 * prepareResultPath('$.out')({ a: 1 }, 2); // { a: 1, out: 2 }
 */
export function prepareResultPath(resultPath: string | null | undefined): ResultPlacer {
  if (resultPath === undefined || resultPath === '$') return (_input, result) => result;
  if (resultPath === null) return (input) => input;
  const parsed = parsePath(resultPath);
  const segments = parsed?.segments;
  if (!parsed || parsed.root.kind !== 'input' || !segments) {
    throw new Error(`ResultPath '${resultPath}' is not a reference path into the state input.`);
  }
  return (input, result) => writeAt(input, segments, 0, result, resultPath);
}

function writeAt(target: Json, segments: readonly PathSegment[], index: number, value: Json, path: string): Json {
  if (index === segments.length) return value;
  const segment = segments[index];
  if (typeof segment === 'number') {
    if (!Array.isArray(target) || segment >= target.length) throw cannotWrite(path, segments, index, target);
    const copy = target.slice();
    copy[segment] = writeAt(target[segment], segments, index + 1, value, path);
    return copy;
  }
  if (target === null || typeof target !== 'object' || Array.isArray(target)) {
    throw cannotWrite(path, segments, index, target);
  }
  const existing = Object.prototype.hasOwnProperty.call(target, segment) ? target[segment] : undefined;
  const child = existing === undefined && index + 1 < segments.length ? ({} as JsonObject) : existing;
  const copy: JsonObject = { ...target };
  const written = writeAt(child as Json, segments, index + 1, value, path);
  // An assignment to `__proto__` would set the copy's prototype and drop the result (issue 8);
  // JSON has no prototypes, so it is a member like any other.
  if (segment === '__proto__') Object.defineProperty(copy, segment, { value: written, enumerable: true, writable: true, configurable: true });
  else copy[segment] = written;
  return copy;
}

function cannotWrite(path: string, segments: readonly PathSegment[], index: number, target: Json): Error {
  return runtimeError(
    `Invalid path '${path}': The result cannot be written at ${formatBracketPath(segments.slice(0, index + 1))}, because the input there is ${JSON.stringify(target) ?? 'missing'}.`,
  );
}
