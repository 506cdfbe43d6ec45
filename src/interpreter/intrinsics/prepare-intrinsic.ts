import { parseIntrinsic, type IntrinsicArg, type IntrinsicCall } from '../../asl/intrinsic-syntax';
import type { Json } from '../../asl/types';
import { preparePath, MISSING, type PathScope } from '../jsonpath/evaluate-path';
import { runtimeError, type StatesError } from '../errors';
import type { RandomSource } from '../random/seeded-random';
import { INTRINSIC_IMPLEMENTATIONS } from './function-table';
import { InvalidIntrinsicArguments, MissingIntrinsicArgument } from './intrinsic-failure';
import type { IntrinsicEnvironment } from './intrinsic-function';
import { BoundedCache, PARSE_CACHE_CAPACITY } from '../../asl/bounded-cache';

/** An intrinsic call ready to run: throws `StatesError('States.Runtime', cause)` on failure. */
export type PreparedIntrinsic = (scope: PathScope, random: RandomSource) => Json;

type PreparedArgument = (scope: PathScope, env: IntrinsicEnvironment) => Json;

const cache = new BoundedCache<string, PreparedIntrinsic>(PARSE_CACHE_CAPACITY);

/**
 * Parses an intrinsic call once (cached by its text) into a function over a scope. Throws
 * `IntrinsicSyntaxError` when the text is not a valid call (the validator rejects such
 * definitions before they run). At run time every failure is `States.Runtime`, as on AWS, with
 * the cause `The function '<text>' had the following error: <what>`.
 *
 * @example
 * const greet = prepareIntrinsic("States.Format('Hello {}', $.name)");
 * greet({ input: { name: 'Ada' }, context: {}, variable: () => undefined }, Math.random); // 'Hello Ada'
 */
export function prepareIntrinsic(text: string): PreparedIntrinsic {
  let prepared = cache.get(text);
  if (!prepared) {
    prepared = buildIntrinsic(text);
    cache.set(text, prepared);
  }
  return prepared;
}

function buildIntrinsic(text: string): PreparedIntrinsic {
  const evaluate = prepareCall(parseIntrinsic(text));
  // The environment only wraps the execution's random source: reuse it while that stays the same.
  let env: IntrinsicEnvironment | undefined;
  return (scope, random) => {
    if (env === undefined || env.random !== random) env = { random };
    try {
      return evaluate(scope, env);
    } catch (error) {
      throw toStatesError(text, scope, error);
    }
  };
}

function prepareCall(call: IntrinsicCall): PreparedArgument {
  const fn = INTRINSIC_IMPLEMENTATIONS[call.name];
  const raw = new Set(fn.rawLiteralPositions ?? []);
  const args = call.args.map((arg, i) => prepareArgument(arg, raw.has(i)));
  return (scope, env) => {
    const values: Json[] = new Array(args.length);
    for (let i = 0; i < args.length; i++) values[i] = args[i](scope, env);
    return fn.evaluate(values, env);
  };
}

function prepareArgument(arg: IntrinsicArg, keepEscapes: boolean): PreparedArgument {
  switch (arg.kind) {
    case 'string': {
      const value = keepEscapes ? arg.raw : arg.value;
      return () => value;
    }
    case 'number':
    case 'boolean': {
      const { value } = arg;
      return () => value;
    }
    case 'null':
      return () => null;
    case 'path': {
      const { path } = arg;
      const read = preparePath(path);
      return (scope) => {
        const value = read(scope);
        if (value === MISSING) throw new MissingIntrinsicArgument(path);
        return value;
      };
    }
    case 'call':
      return prepareCall(arg.call);
  }
}

function toStatesError(text: string, scope: PathScope, error: unknown): StatesError {
  const prefix = `The function '${text}' had the following error: `;
  if (error instanceof MissingIntrinsicArgument) {
    // AWS reports a `$$.x` miss as `$.x` and always shows the state's input.
    const path = error.path.startsWith('$$') ? error.path.slice(1) : error.path;
    return runtimeError(
      `${prefix}The JsonPath argument for the field '${path}' could not be found in the input '${JSON.stringify(scope.input)}'`,
    );
  }
  if (error instanceof InvalidIntrinsicArguments) return runtimeError(`${prefix}${error.message}`);
  throw error; // a bug in an implementation, not a user error: let it surface as such
}
