import type { ConditionNode } from '../ast/states';
import type { JsonataNode, PathNode, RawPathNode } from '../ast/value';
import { DslUsageError } from '../errors/dsl-usage-error';
import { exprNode, isExpr, type Expr } from '../values/expr';
import { toValueNode } from '../values/to-value-node';

const CONDITION_NODE: unique symbol = Symbol.for('statecraft.condition-node') as never;

/**
 * A Choice rule's test. Build it with the comparison helpers (`gt`, `eq`, `isPresent`, `and`, ...);
 * it compiles to a JSONPath data-test rule or to a JSONata `Condition`, whichever the state uses.
 */
export interface Condition {
  readonly [CONDITION_NODE]: ConditionNode;
}

export function conditionNode(condition: Condition): ConditionNode {
  return condition[CONDITION_NODE];
}

export function isCondition(value: unknown): value is Condition {
  return typeof value === 'object' && value !== null && CONDITION_NODE in value;
}

export function makeCondition(node: ConditionNode): Condition {
  return Object.freeze({ [CONDITION_NODE]: Object.freeze(node) });
}

/** The path a comparison tests (Choice `Variable`): a selector, a variable or `jsonPath(...)`. */
export function variablePath(value: Expr<unknown>, operator: string): PathNode | RawPathNode {
  const node = isExpr(value) ? exprNode(value) : undefined;
  if (node?.kind === 'path' || node?.kind === 'rawPath') return node;
  throw new DslUsageError(
    `${operator} tests a path: pass a selector such as s.order.total or a variable, not ${node ? `a ${node.kind}` : JSON.stringify(value)}.`,
  );
}

export function compare(operator: string, variable: Expr<unknown>, operand: unknown): Condition {
  const operandNode = toValueNode(operand, `${operator} operand`);
  if (operandNode.kind !== 'literal' && operandNode.kind !== 'path' && operandNode.kind !== 'rawPath') {
    throw new DslUsageError(`${operator} compares with a literal or a path, not a ${operandNode.kind}.`);
  }
  return makeCondition({ kind: 'compare', operator, variable: variablePath(variable, operator), operand: operandNode });
}

/** A JSONata expression (or `true`/`false`) used as a Choice `Condition` (JSONata states only). */
export function condition(expression: Expr<boolean> | boolean): Condition {
  if (typeof expression === 'boolean') {
    return makeCondition({ kind: 'jsonata', expression: { kind: 'literal', value: expression } });
  }
  const node = exprNode(expression);
  if (node.kind !== 'jsonata') throw new DslUsageError('condition(...) takes a jsonata`...` expression or a boolean.');
  return makeCondition({ kind: 'jsonata', expression: node as JsonataNode });
}
