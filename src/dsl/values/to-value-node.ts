import type { Json } from '../../asl/types';
import type { ValueNode } from '../ast/value';
import { DslUsageError } from '../errors/dsl-usage-error';
import { exprNode, isExpr } from './expr';

/**
 * Converts what a user callback returned (plain data mixed with expressions) into a frozen
 * `ValueNode` tree. `undefined` object members are dropped, as JSON would.
 *
 * @example
 * toValueNode({ id: s.order.id, n: 1 });
 * // { kind: 'object', entries: [['id', {kind:'path',...}], ['n', {kind:'literal', value: 1}]] }
 */
export function toValueNode(value: unknown, where = 'value'): ValueNode {
  if (isExpr(value)) return exprNode(value);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return literal(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new DslUsageError(`${where} is ${value}; JSON has no such number. Use a finite number.`);
    return literal(value);
  }
  if (Array.isArray(value)) {
    return Object.freeze({ kind: 'array', items: Object.freeze(value.map((item, i) => toValueNode(item, `${where}[${i}]`))) });
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const entries = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => Object.freeze([key, toValueNode(member, `${where}.${key}`)] as const));
    return Object.freeze({ kind: 'object', entries: Object.freeze(entries) });
  }
  throw new DslUsageError(
    `${where} is a ${describe(value)}, which a state machine cannot hold. Use JSON data, a path (s => s.a.b), an intrinsic (States.Format(...)) or jsonata\`...\`.`,
  );
}

function literal(value: Json): ValueNode {
  return Object.freeze({ kind: 'literal', value });
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}
