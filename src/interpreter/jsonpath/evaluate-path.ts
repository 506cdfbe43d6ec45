import { BoundedCache, PARSE_CACHE_CAPACITY } from '../../asl/bounded-cache';
import { parsePath, parseQuery, type PathSegment, type PathRoot } from '../../asl/json-path';
import type { Json } from '../../asl/types';
import { runtimeError } from '../errors';
import { queryPath } from './query-path';
import { REGEX_BUDGET_CODE } from '../jsonata/budget';

/** Returned (never thrown) when a definite path selects nothing; callers word the error. */
export const MISSING: unique symbol = Symbol('missing');
export type Missing = typeof MISSING;

/** What a JSONPath can read: `$` the input, `$$` the context object, `$name` a variable. */
export interface PathScope {
  input: Json;
  context: Json;
  /** Variables visible to the state; `undefined` reads as "not assigned". */
  variable(name: string): Json | undefined;
}

export type PreparedPath = (scope: PathScope) => Json | Missing;

const cache = new BoundedCache<string, PreparedPath>(PARSE_CACHE_CAPACITY);

/**
 * Prepares a JSONPath once (cached by its text) into a function over a scope. Reference paths
 * (member and index access) become a direct walk; anything else is parsed into query steps
 * (filters as data: no JavaScript is evaluated) and yields an array of the matches, as Jayway does
 * for indefinite paths.
 *
 * @example
 * const read = preparePath('$.order.items[0].sku');
 * read({ input, context, variable: () => undefined });
 */
export function preparePath(path: string): PreparedPath {
  let prepared = cache.get(path);
  if (!prepared) {
    prepared = buildPath(path);
    cache.set(path, prepared);
  }
  return prepared;
}

/** Evaluates a path once; see {@link preparePath}. */
export function evaluatePath(path: string, scope: PathScope): Json | Missing {
  return preparePath(path)(scope);
}

function buildPath(path: string): PreparedPath {
  const parsed = parsePath(path);
  if (!parsed) throw new Error(`Not a JSONPath: '${path}'`);
  const readRoot = rootReader(parsed.root);
  const { segments, relative } = parsed;
  if (segments) {
    if (segments.length === 0) return readRoot;
    if (segments.length === 1) {
      const [only] = segments;
      return (scope) => step(readRoot(scope), only);
    }
    return (scope) => walk(readRoot(scope), segments);
  }
  const query = parseQuery(relative);
  if ('problem' in query) {
    // The validator rejects such paths; a document that skipped it fails like AWS, not internally.
    const cause = `Invalid path '${path}': ${query.problem}`;
    return () => {
      throw runtimeError(cause);
    };
  }
  const { steps } = query;
  return (scope) => {
    const root = readRoot(scope);
    if (root === MISSING) return MISSING;
    try {
      return queryPath(steps, root);
    } catch (thrown) {
      // A filter's `=~` that overran its time budget (bounded-regex.ts).
      if ((thrown as { code?: unknown })?.code === REGEX_BUDGET_CODE) throw runtimeError(`Invalid path '${path}': ${(thrown as { message: string }).message}.`);
      throw thrown;
    }
  };
}

function rootReader(root: PathRoot): PreparedPath {
  switch (root.kind) {
    case 'input':
      return (scope) => scope.input;
    case 'context':
      return (scope) => scope.context;
    case 'variable': {
      const { name } = root;
      return (scope) => {
        const value = scope.variable(name);
        return value === undefined ? MISSING : value;
      };
    }
  }
}

function step(value: Json | Missing, segment: PathSegment): Json | Missing {
  if (value === null || typeof value !== 'object') return MISSING;
  if (typeof segment === 'number') {
    if (!Array.isArray(value) || segment >= value.length) return MISSING;
    return value[segment];
  }
  if (Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, segment)) return MISSING;
  return (value as Record<string, Json>)[segment];
}

function walk(value: Json | Missing, segments: readonly PathSegment[]): Json | Missing {
  let current = value;
  for (let i = 0; i < segments.length; i++) {
    current = step(current, segments[i]);
    if (current === MISSING) return MISSING;
  }
  return current;
}
