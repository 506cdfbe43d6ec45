import type { ValueNode } from '../ast/value';

/** Runtime key under which every expression (path, intrinsic call, JSONata) carries its AST node. */
export const EXPR_NODE: unique symbol = Symbol.for('statecraft.expr-node') as never;

// Type-only: carries the value type an expression evaluates to. Never present at run time.
declare const VALUE_TYPE: unique symbol;

/**
 * A value computed when the workflow runs: a path (`s.order.id`), an intrinsic call
 * (`States.Format(...)`), a variable or a JSONata expression. `T` is the type it evaluates to, so
 * payloads built from expressions are typed.
 *
 * @example
 * const id: Expr<string> = s.order.id;
 */
export interface Expr<T> {
  readonly [EXPR_NODE]: ValueNode;
  readonly [VALUE_TYPE]: T;
}

/** A value of type `T`, written literally or computed by an expression. */
export type Dynamic<T> = T | Expr<T>;

/** True for any expression object (selectors are proxies that answer `EXPR_NODE` too). */
export function isExpr(value: unknown): value is Expr<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    (value as { [EXPR_NODE]?: unknown })[EXPR_NODE] !== undefined
  );
}

export function exprNode(expr: Expr<unknown>): ValueNode {
  return expr[EXPR_NODE];
}

/** Wraps an AST node as an expression of type `T`. */
export function makeExpr<T>(node: ValueNode): Expr<T> {
  return Object.freeze({ [EXPR_NODE]: node }) as unknown as Expr<T>;
}

/**
 * The plain type a template evaluates to: every `Expr<T>` inside replaced by `T`.
 *
 * @example
 * type P = Resolve<{ id: Expr<string>; n: 1 }>; // { id: string; n: 1 }
 */
export type Resolve<X> = X extends Expr<infer T>
  ? T
  : X extends readonly unknown[]
    ? { -readonly [K in keyof X]: Resolve<X[K]> }
    : X extends (...args: never[]) => unknown
      ? never
      : X extends object
        ? { -readonly [K in keyof X]: Resolve<X[K]> }
        : X;

/** A template whose leaves may be expressions: what a payload callback returns. */
export type Template<T> = T extends string | number | boolean | null | undefined
  ? T | Expr<T>
  : T extends readonly (infer E)[]
    ? readonly Template<E>[] | Expr<T>
    : T extends object
      ? { [K in keyof T]: Template<T[K]> } | Expr<T>
      : T | Expr<T>;
