import type { PathNode } from '../ast/value';
import { DslUsageError } from '../errors/dsl-usage-error';
import type { Selector } from './selector';
import { recordedPath, selector } from './selector';
import type { Expr } from '../values/expr';

/**
 * Where a state puts its result inside its input (ResultPath):
 * - `'charge'` or `'payment.charge'`: a member (created if missing); the type of the state's
 *   output gains that member with the result's type;
 * - `s => s.order.status`: an existing location, selected by a typed selector;
 * - `null`: discard the result, keep the input;
 * - `'$'`: the result replaces the input (the default, written out as `"ResultPath": "$"`).
 * Absent, the result replaces the input.
 */
export type ResultPathOption<S> = MemberPath | ((s: Selector<S>) => Expr<unknown>) | null;

/** A dot-separated member path such as `'charge'` or `'payment.details'` (no `$`, no brackets). */
export type MemberPath = string;

/** The data a state outputs after placing result `R` into input `S` at `P`. */
export type PlaceResult<S, R, P> = [P] extends [undefined]
  ? R
  : [P] extends [null]
    ? S
    : [P] extends ['$']
      ? R
      : P extends string
      ? Simplify<SetMember<S, P, R>>
      : S;

type SetMember<S, P extends string, R> = P extends `${infer Head}.${infer Rest}`
  ? Omit<S, Head> & { [K in Head]: Simplify<SetMember<Head extends keyof S ? S[Head] : {}, Rest, R>> }
  : Omit<S, P> & { [K in P]: R };

export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Resolves the option to a path node rooted at the state input. */
export function resultPathNode<S>(option: ResultPathOption<S>, field = 'resultPath'): PathNode | null {
  if (option === null) return null;
  if (typeof option === 'function') {
    const path = recordedPath(option(selector<S>('input')));
    if (!path || path.root !== 'input') {
      throw new DslUsageError(`${field} must select a member of the state input, e.g. s => s.result.`);
    }
    return path;
  }
  // `'$'`: the result replaces the whole input, as without a resultPath, but written out (ASL `"ResultPath": "$"`).
  if (option === '$') return Object.freeze({ kind: 'path', root: 'input', segments: Object.freeze([]) });
  const segments = option.split('.');
  if (segments.some((segment) => segment === '' || segment.startsWith('$'))) {
    throw new DslUsageError(`${field} '${option}' is not a member path. Write member names separated by dots, e.g. 'payment.charge'.`);
  }
  return Object.freeze({ kind: 'path', root: 'input', segments: Object.freeze(segments) });
}
