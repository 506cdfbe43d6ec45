import type { RawPathNode } from '../ast/value';
import { captureSource } from '../source/capture-source';
import { makeExpr, type Expr } from '../values/expr';

/**
 * A JSONPath written by hand, for what a selector cannot express (wildcards, filters, slices):
 * `jsonPath<string[]>('$.items[*].sku')`. The compiler checks its syntax. Prefer selectors.
 *
 * @example
 * .pass('Skus', { parameters: () => ({ skus: jsonPath<string[]>('$.items[*].sku') }) })
 */
export function jsonPath<T = unknown>(path: string): Expr<T> {
  const node: RawPathNode = Object.freeze({ kind: 'rawPath', path, source: captureSource() });
  return makeExpr<T>(node);
}
