import type { ValueNode } from '../ast/value';
import { contextSelector, type ContextObject } from '../context/context-object';
import { selector, type Selector } from '../paths/selector';
import type { Expr } from '../values/expr';
import { toValueNode } from '../values/to-value-node';

/**
 * A setting that is a literal or read at run time: `60`, `s => s.timeout` (→ `TimeoutSecondsPath`
 * in JSONPath) or a `jsonata` expression (JSONata states).
 */
export type DynamicSetting<S, T> = T | Expr<T> | ((s: Selector<S>, ctx: Selector<ContextObject>) => Expr<T>);

export function dynamicSettingNode<S, T>(setting: DynamicSetting<S, T> | undefined, field: string): ValueNode | undefined {
  if (setting === undefined) return undefined;
  const value = typeof setting === 'function' ? (setting as (s: unknown, c: unknown) => unknown)(selector<S>('input'), contextSelector()) : setting;
  return toValueNode(value, field);
}
