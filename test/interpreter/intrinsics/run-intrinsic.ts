import type { Json } from '../../../src/asl/types';
import type { PathScope } from '../../../src/interpreter/jsonpath/evaluate-path';
import { prepareIntrinsic } from '../../../src/interpreter/intrinsics';
import { StatesError } from '../../../src/interpreter/errors';
import { seededRandom, type RandomSource } from '../../../src/interpreter/random/seeded-random';

export interface RunOptions {
  context?: Json;
  variables?: Record<string, Json>;
  random?: RandomSource;
}

/** Evaluates an intrinsic over `input` as a JSONPath state would. */
export function runIntrinsic(text: string, input: Json = {}, options: RunOptions = {}): Json {
  const scope: PathScope = {
    input,
    context: options.context ?? {},
    variable: (name) => options.variables?.[name],
  };
  return prepareIntrinsic(text)(scope, options.random ?? seededRandom(1));
}

/** The StatesError an evaluation throws (fails the test when it does not throw one). */
export function failureOf(text: string, input: Json = {}, options: RunOptions = {}): StatesError {
  try {
    runIntrinsic(text, input, options);
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to fail`);
}

/** AWS's cause for a function that rejected its arguments. */
export function invalidArgumentsCause(text: string, fn: string): string {
  return `The function '${text}' had the following error: Invalid arguments in ${fn}`;
}
