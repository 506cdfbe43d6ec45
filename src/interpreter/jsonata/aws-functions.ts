import { createHash } from 'node:crypto';
import type jsonata from 'jsonata';
import { LIMITS } from '../../asl/limits';
import { HASH_ALGORITHM_NAMES, nodeHashAlgorithm } from '../intrinsics/encoding-functions';
import { randomUuid, seededRandom } from '../random/seeded-random';

/**
 * The functions Step Functions adds to JSONata, registered on every prepared expression.
 * Behaviour follows AWS: integer arguments are truncated toward zero; a chunk size of zero, an
 * empty array, a `$range` whose step is zero or points away from `end` evaluate to nothing
 * (the field then fails with "returned nothing"); `$range` collapses a one-element range to the
 * number (it returns a JSONata sequence); `$eval` is disabled (calling it is JSONata's T1006).
 */

/** Binding name of the execution's random source; not a valid JSONata name, so no expression can reach it. */
export const RANDOM_SOURCE_BINDING = '@random';

/** Binding name of the execution's clock (epoch milliseconds), so `$now()`/`$millis()` follow virtual time. */
export const CLOCK_BINDING = '@clock';

/** A JSONata-style error (a `code` and a message), worded by the caller into the AWS cause. */
export class JsonataFunctionError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}


/** A JSONata sequence: an array the evaluator collapses to its only element. */
function sequence(values: number[]): number[] {
  Object.defineProperty(values, 'sequence', { value: true, enumerable: false });
  return values;
}

function partition(array: unknown[] | undefined, size: number | undefined): unknown[][] | undefined {
  if (array === undefined || size === undefined) return undefined;
  const chunk = Math.trunc(size);
  if (array.length === 0 || chunk === 0) return undefined;
  if (chunk < 0) throw new JsonataFunctionError(undefined, `The chunk size of $partition must be a positive integer, got ${size}`);
  const chunks: unknown[][] = [];
  for (let i = 0; i < array.length; i += chunk) chunks.push(array.slice(i, i + chunk));
  return chunks;
}

function range(start: number | undefined, end: number | undefined, step: number | undefined): number[] | undefined {
  if (start === undefined || end === undefined || step === undefined) return undefined;
  const from = Math.trunc(start);
  const to = Math.trunc(end);
  const by = Math.trunc(step);
  if (by === 0 || (to > from && by < 0) || (to < from && by > 0)) return undefined;
  // `$range` stands in for States.ArrayRange and shares its limit; counted before allocating, so
  // `$range(0, 1e9, 1)` fails at once instead of exhausting memory (issue 8).
  const count = Math.floor((to - from) / by) + 1;
  if (count > LIMITS.arrayRangeItems) {
    throw new JsonataFunctionError(undefined, `$range(${start}, ${end}, ${step}) would produce ${count} items, more than the limit of ${LIMITS.arrayRangeItems}`);
  }
  const values: number[] = [];
  if (by > 0) for (let value = from; value <= to; value += by) values.push(value);
  else for (let value = from; value >= to; value += by) values.push(value);
  return sequence(values);
}

function hash(value: unknown, algorithm: string | undefined): string | undefined {
  if (value === undefined || algorithm === undefined) return undefined;
  const nodeAlgorithm = nodeHashAlgorithm(algorithm);
  if (!nodeAlgorithm) {
    throw new JsonataFunctionError(
      undefined,
      `The hash algorithm '${algorithm}' is not supported; use one of ${HASH_ALGORITHM_NAMES.join(', ')}`,
    );
  }
  const data = typeof value === 'string' ? value : JSON.stringify(value);
  return createHash(nodeAlgorithm).update(data, 'utf8').digest('hex');
}

function parse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (thrown) {
    throw new JsonataFunctionError(undefined, `$parse could not read the string as JSON: ${(thrown as Error).message}`);
  }
}

function clockMillis(focus: jsonata.Focus): number {
  const clock = focus.environment.lookup(CLOCK_BINDING) as (() => number) | undefined;
  return clock ? clock() : focus.environment.timestamp.getTime();
}

interface NativeFunction {
  implementation: (this: jsonata.Focus, ...args: unknown[]) => unknown;
}

function randomSource(focus: jsonata.Focus): () => number {
  const source = focus.environment.lookup(RANDOM_SOURCE_BINDING) as (() => number) | undefined;
  return source ?? Math.random;
}

/** Registers the AWS functions on one prepared expression (done once per expression text). */
export function registerAwsFunctions(expression: jsonata.Expression): void {
  expression.registerFunction('partition', partition, '<an:a>');
  expression.registerFunction('range', range, '<nnn:a>');
  expression.registerFunction('hash', hash, '<xs:s>');
  expression.registerFunction('parse', parse, '<s:x>');
  expression.registerFunction(
    'random',
    function (this: jsonata.Focus, seed?: number) {
      // Same seed, same number: the first draw of a generator seeded with it.
      return seed === undefined ? randomSource(this)() : seededRandom(Math.trunc(seed))();
    },
    '<n?:n>',
  );
  expression.registerFunction(
    'uuid',
    function (this: jsonata.Focus) {
      return randomUuid(randomSource(this));
    },
    '<:s>',
  );
  expression.registerFunction(
    'millis',
    function (this: jsonata.Focus) {
      return clockMillis(this);
    },
    '<:n>',
  );
  expression.registerFunction(
    'now',
    function (this: jsonata.Focus, picture?: string, timezone?: string) {
      // Same formatting as JSONata's own $now, from the execution's clock instead of the host's.
      const fromMillis = this.environment.lookup('fromMillis') as NativeFunction;
      return fromMillis.implementation.call(this, clockMillis(this), picture, timezone);
    },
    '<s?s?:s>',
  );
  // AWS disables $eval: a value that is not a function makes any call JSONata's T1006
  // (`null` would crash jsonata's error reporting, `false` does not).
  expression.assign('eval', false);
}
