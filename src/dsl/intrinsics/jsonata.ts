import type { JsonataNode, ValueNode } from '../ast/value';
import { captureSource } from '../source/capture-source';
import { makeExpr, type Expr } from '../values/expr';
import { toValueNode } from '../values/to-value-node';

/**
 * A JSONata expression (JSONata states only). Interpolated selectors and values become JSONata
 * (`${s.items}` → `$states.input.items`), so paths stay typed inside hand-written expressions.
 * The type argument declares what the expression evaluates to.
 *
 * @example
 * .pass('Total', { output: s => ({ total: jsonata<number>`$sum(${s.items}.price)` }), queryLanguage: 'JSONata' })
 */
export function jsonata<T = unknown>(text: TemplateStringsArray, ...values: unknown[]): Expr<T> {
  const parts: (string | ValueNode)[] = [];
  text.forEach((chunk, i) => {
    if (chunk !== '') parts.push(chunk);
    if (i < values.length) parts.push(toValueNode(values[i], `jsonata interpolation ${i + 1}`));
  });
  const node: JsonataNode = Object.freeze({ kind: 'jsonata', parts: Object.freeze(parts), source: captureSource() });
  return makeExpr<T>(node);
}
