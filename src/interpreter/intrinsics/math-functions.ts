import { expectInteger, isInt32 } from './argument-checks';
import { invalidArguments } from './intrinsic-failure';
import type { IntrinsicFunction } from './intrinsic-function';
import { javaRandomNextInt } from './java-random';

export const mathFunctions: Record<string, IntrinsicFunction> = {
  /** Integers in int32 after Java `Math.round` (recorded: 1.5+0→2, −1.5+0→−1, −2.5+0→−2). */
  'States.MathAdd': {
    evaluate([a, b]) {
      const fn = 'States.MathAdd';
      const sum = expectInteger(fn, 1, a, 'round') + expectInteger(fn, 2, b, 'round');
      if (!isInt32(sum)) throw invalidArguments(fn, `the sum ${sum} is outside the 32-bit integer range`);
      return sum;
    },
  },

  /**
   * A random integer in [start, end). With a seed the value depends only on the seed and the
   * bounds (Java `new Random(seed).nextInt(end - start) + start`); without one it comes from the
   * execution's random source, so a seeded execution is reproducible.
   */
  'States.MathRandom': {
    evaluate([first, last, seed], { random }) {
      const fn = 'States.MathRandom';
      const start = expectInteger(fn, 1, first, 'truncate');
      const end = expectInteger(fn, 2, last, 'truncate');
      if (start >= end) throw invalidArguments(fn, `the start (${first}) must be less than the end (${last}), which is exclusive`);
      const span = end - start;
      if (seed === undefined) return start + Math.floor(random() * span);
      const seedValue = expectInteger(fn, 3, seed, 'truncate');
      if (span > 2 ** 31 - 1) {
        throw invalidArguments(fn, `the range [${start}, ${end}) is wider than 2^31 - 1 values`);
      }
      return start + javaRandomNextInt(seedValue, span);
    },
  },
};
