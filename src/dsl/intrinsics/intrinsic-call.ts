import type { IntrinsicNode } from '../ast/value';
import { captureSource } from '../source/capture-source';
import { makeExpr, type Dynamic, type Expr } from '../values/expr';
import { toValueNode } from '../values/to-value-node';

/** Builds the expression for a call of an intrinsic function; arguments may be literals or expressions. */
export function intrinsicCall<T>(name: string, args: readonly Dynamic<unknown>[]): Expr<T> {
  const node: IntrinsicNode = Object.freeze({
    kind: 'intrinsic',
    name,
    args: Object.freeze(args.filter((arg) => arg !== undefined).map((arg, i) => toValueNode(arg, `${name} argument ${i + 1}`))),
    source: captureSource(),
  });
  return makeExpr<T>(node);
}
