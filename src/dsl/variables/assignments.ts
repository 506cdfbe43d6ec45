import type { Expr, Template } from '../values/expr';

/**
 * The variables of a workflow that declares none: any name, any value (nothing to check against).
 * A workflow that lists its variables (`workflow(name, { variables: { total } })`) gets them typed.
 */
export type AnyVariables = Record<string, unknown>;

/**
 * The variable types a `variables` declaration gives, by name.
 *
 * @example
 * const total = variable<number>('total');
 * type V = VariablesOf<{ total: typeof total }>; // { total: number }
 */
export type VariablesOf<D> = { -readonly [K in keyof D]: D[K] extends Expr<infer T> ? T : never };

/**
 * What an `assign` callback returns. With declared variables, each value must have the variable's
 * declared type (a literal or an expression of that type) and only declared names may be assigned;
 * without a declaration, anything goes.
 *
 * @example
 * // workflow('Invoice', { input, variables: { total } }) with total = variable<number>('total'):
 * assign: ({ result }) => ({ total: result.Payload.total })   // ok: an Expr<number>
 * assign: ({ result }) => ({ total: result.Payload.currency }) // type error: Expr<string>
 */
export type Assignments<V> = string extends keyof V ? Record<string, unknown> : { [K in keyof V]?: Template<V[K]> };
