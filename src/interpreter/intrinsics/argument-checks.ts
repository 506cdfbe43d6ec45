import type { Json, JsonObject } from '../../asl/types';
import { invalidArguments } from './intrinsic-failure';

/**
 * Argument type checks shared by every function family. Each throws
 * `InvalidIntrinsicArguments` naming the function, the argument position and what was wrong.
 */

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** How a JSON number becomes the Java `int` a function works on. */
export type IntegerConversion =
  /** Java `Math.round`: half up toward +∞ (1.5→2, −1.5→−1, −2.5→−2); recorded for `MathAdd`. */
  | 'round'
  /** Java `intValue()`: toward zero; observed on AWS for `ArrayRange`, `MathRandom`, `ArrayGetItem`. */
  | 'truncate';

export function describe(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

export function expectArray(fn: string, position: number, value: Json): Json[] {
  if (!Array.isArray(value)) throw invalidArguments(fn, `argument ${position} must be an array, got ${describe(value)}`);
  return value;
}

export function expectString(fn: string, position: number, value: Json): string {
  if (typeof value !== 'string') throw invalidArguments(fn, `argument ${position} must be a string, got ${describe(value)}`);
  return value;
}

export function expectBoolean(fn: string, position: number, value: Json): boolean {
  if (typeof value !== 'boolean') throw invalidArguments(fn, `argument ${position} must be a boolean, got ${describe(value)}`);
  return value;
}

export function expectObject(fn: string, position: number, value: Json): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidArguments(fn, `argument ${position} must be a JSON object, got ${describe(value)}`);
  }
  return value;
}

/** A number converted to a 32-bit integer as `conversion` says; rejects anything outside int32. */
export function expectInteger(fn: string, position: number, value: Json, conversion: IntegerConversion): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidArguments(fn, `argument ${position} must be a number, got ${describe(value)}`);
  }
  // JavaScript's Math.round is Java's: half up toward +∞, exact for 0.49999999999999994.
  const integer = conversion === 'round' ? Math.round(value) : Math.trunc(value);
  if (integer < INT32_MIN || integer > INT32_MAX) {
    throw invalidArguments(fn, `argument ${position} (${value}) is outside the 32-bit integer range`);
  }
  return integer === 0 ? 0 : integer; // no -0 in results
}

export function expectMaxLength(fn: string, text: string, max: number): string {
  if (text.length > max) throw invalidArguments(fn, `the input has ${text.length} characters, more than the limit of ${max}`);
  return text;
}

export function isInt32(value: number): boolean {
  return value >= INT32_MIN && value <= INT32_MAX;
}
