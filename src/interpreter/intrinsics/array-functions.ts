import type { Json } from '../../asl/types';
import { expectArray, expectInteger } from './argument-checks';
import { invalidArguments } from './intrinsic-failure';
import type { IntrinsicFunction } from './intrinsic-function';
import { canonicalJson, jsonEquals } from './json-equality';
import { LIMITS } from '../../asl/limits';

export const arrayFunctions: Record<string, IntrinsicFunction> = {
  'States.Array': {
    evaluate: (args) => args.slice(),
  },

  'States.ArrayPartition': {
    evaluate([array, size]) {
      const fn = 'States.ArrayPartition';
      const items = expectArray(fn, 1, array);
      const chunk = expectInteger(fn, 2, size, 'truncate');
      if (chunk < 1) throw invalidArguments(fn, `the chunk size must be a positive integer, got ${size}`);
      const chunks: Json[] = [];
      for (let i = 0; i < items.length; i += chunk) chunks.push(items.slice(i, i + chunk));
      return chunks;
    },
  },

  'States.ArrayContains': {
    evaluate([array, wanted]) {
      return expectArray('States.ArrayContains', 1, array).some((item) => jsonEquals(item, wanted));
    },
  },

  'States.ArrayRange': {
    evaluate([first, last, step]) {
      const fn = 'States.ArrayRange';
      const start = expectInteger(fn, 1, first, 'truncate');
      const end = expectInteger(fn, 2, last, 'truncate');
      const increment = expectInteger(fn, 3, step, 'truncate');
      if (increment === 0) throw invalidArguments(fn, 'the step must not be 0');
      const count = Math.floor((end - start) / increment) + 1;
      if (count > LIMITS.arrayRangeItems) {
        throw invalidArguments(fn, `the range has ${count} items, more than the limit of ${LIMITS.arrayRangeItems}`);
      }
      const range: number[] = [];
      for (let i = 0; i < count; i++) range.push(start + i * increment);
      return range;
    },
  },

  'States.ArrayGetItem': {
    evaluate([array, index]) {
      const fn = 'States.ArrayGetItem';
      const items = expectArray(fn, 1, array);
      const position = expectInteger(fn, 2, index, 'truncate');
      if (position < 0 || position >= items.length) {
        throw invalidArguments(fn, `index ${index} is out of bounds for an array of length ${items.length}`);
      }
      return items[position];
    },
  },

  'States.ArrayLength': {
    evaluate: ([array]) => expectArray('States.ArrayLength', 1, array).length,
  },

  'States.ArrayUnique': {
    evaluate([array]) {
      const seen = new Set<string>();
      const unique: Json[] = [];
      for (const item of expectArray('States.ArrayUnique', 1, array)) {
        const key = canonicalJson(item);
        if (!seen.has(key)) {
          seen.add(key);
          unique.push(item);
        }
      }
      return unique;
    },
  },
};
