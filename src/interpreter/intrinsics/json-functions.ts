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
      try {
        return JSON.parse(source, withoutNegativeZero) as Json;
      } catch (error) {
        throw invalidArguments('States.StringToJson', `the string is not valid JSON (${(error as Error).message})`);
      }
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
