import type { Json } from '../../asl/types';
import { expectBoolean, expectObject, expectString } from './argument-checks';
import { invalidArguments } from './intrinsic-failure';
import type { IntrinsicFunction } from './intrinsic-function';

export const jsonFunctions: Record<string, IntrinsicFunction> = {
  /** Blank text parses to `null` (recorded for `""` and `" "`); invalid JSON fails. */
  'States.StringToJson': {
    evaluate([text]) {
      const source = expectString('States.StringToJson', 1, text);
      if (source.trim() === '') return null;
      let parsed: Json;
      try {
        parsed = JSON.parse(source, withoutNegativeZero) as Json;
      } catch (error) {
        throw invalidArguments('States.StringToJson', `the string is not valid JSON (${(error as Error).message})`);
      }
      const problem = unrepresentableNumber(source);
      if (problem) throw invalidArguments('States.StringToJson', problem);
      return parsed;
    },
  },

  'States.JsonToString': {
    evaluate: ([value]) => JSON.stringify(value),
  },

  /** Shallow merge, the second object's keys win; AWS supports only `false` for the flag. */
  'States.JsonMerge': {
    evaluate([first, second, deep]) {
      const fn = 'States.JsonMerge';
      const left = expectObject(fn, 1, first);
      const right = expectObject(fn, 2, second);
      if (expectBoolean(fn, 3, deep)) throw invalidArguments(fn, 'deep merge (true) is not supported; pass false');
      return { ...left, ...right };
    },
  },
};

/** Jackson reads `-0` as the integer 0; JavaScript would keep a -0 that compares oddly. */
function withoutNegativeZero(_key: string, value: unknown): unknown {
  return Object.is(value, -0) ? 0 : value;
}

// Strings are matched (and skipped) so that digits inside them are not taken for numbers.
const JSON_TOKENS = /"(?:[^"\\]|\\.)*"|(-?\d+)(\.\d+)?([eE][+-]?\d+)?/g;

/**
 * A number in JSON text that a double cannot hold: out of range (`1e400` would silently become
 * `Infinity`, then `null`) or an integer beyond 2^53 (it would silently lose digits). AWS keeps
 * such numbers exactly (Java BigDecimal); refusing them with a clear cause beats a wrong value.
 */
function unrepresentableNumber(source: string): string | undefined {
  // Cheap pre-check: only long digit runs can be a problem.
  if (!/\d{16}|[eE][+-]?\d{3}/.test(source)) return undefined;
  for (const match of source.matchAll(JSON_TOKENS)) {
    if (match[1] === undefined) continue;
    const literal = match[0];
    const value = Number(literal);
    if (!Number.isFinite(value)) return `the number ${literal} is out of the range of a double (at most about 1.8e308); pass it as a string`;
    if (match[2] === undefined && match[3] === undefined && !Number.isSafeInteger(value)) {
      return `the integer ${literal} has more digits than a double holds exactly (integers up to 2^53 - 1 = 9007199254740991); pass it as a string`;
    }
  }
  return undefined;
}
