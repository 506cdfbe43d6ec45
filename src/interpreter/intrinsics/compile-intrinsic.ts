import { parseIntrinsic, type IntrinsicArg, type IntrinsicCall } from '../../asl/intrinsic-syntax';
import type { Json } from '../../asl/types';
import { compilePath, MISSING, type PathScope } from '../data/evaluate-path';
import { runtimeError, type StatesError } from '../errors';
import type { RandomSource } from '../random/seeded-random';
import { INTRINSIC_IMPLEMENTATIONS } from './function-table';
import { InvalidIntrinsicArguments, MissingIntrinsicArgument } from './intrinsic-failure';
import type { IntrinsicEnvironment } from './intrinsic-function';
import { BoundedCache, PARSE_CACHE_CAPACITY } from '../../asl/bounded-cache';

/** An intrinsic call ready to run: throws `StatesError('States.Runtime', cause)` on failure. */
export type CompiledIntrinsic = (scope: PathScope, random: RandomSource) => Json;

type CompiledArgument = (scope: PathScope, env: IntrinsicEnvironment) => Json;

const cache = new BoundedCache<string, CompiledIntrinsic>(PARSE_CACHE_CAPACITY);

/**
 * Parses an intrinsic call once (cached by its text) into a function over a scope. Throws
 * `IntrinsicSyntaxError` when the text is not a valid call (the validator rejects such
 * definitions before they run). At run time every failure is `States.Runtime`, as on AWS, with
 * the cause `The function '<text>' had the following error: <what>`.
 *
 * @example
 * const greet = compileIntrinsic("States.Format('Hello {}', $.name)");
 * greet({ input: { name: 'Ada' }, context: {}, variable: () => undefined }, Math.random); // 'Hello Ada'
 */
export function compileIntrinsic(text: string): CompiledIntrinsic {
  let compiled = cache.get(text);
  if (!compiled) {
    compiled = buildIntrinsic(text);
    cache.set(text, compiled);
  }
  return compiled;
}

function buildIntrinsic(text: string): CompiledIntrinsic {
  const evaluate = compileCall(parseIntrinsic(text));
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

function compileCall(call: IntrinsicCall): CompiledArgument {
  const fn = INTRINSIC_IMPLEMENTATIONS[call.name];
  const raw = new Set(fn.rawLiteralPositions ?? []);
  const args = call.args.map((arg, i) => compileArgument(arg, raw.has(i)));
  return (scope, env) => {
    const values: Json[] = new Array(args.length);
    for (let i = 0; i < args.length; i++) values[i] = args[i](scope, env);
    return fn.evaluate(values, env);
  };
}

function compileArgument(arg: IntrinsicArg, keepEscapes: boolean): CompiledArgument {
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
      const read = compilePath(path);
      return (scope) => {
        const value = read(scope);
        if (value === MISSING) throw new MissingIntrinsicArgument(path);
        return value;
      };
    }
    case 'call':
      return compileCall(arg.call);
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
