import type { FilterExpression, FilterOperand, FilterPath } from '../../asl/json-path-filter';
import type { QueryStep } from '../../asl/json-path';
import type { Json, JsonObject } from '../../asl/types';
import { jsonEqual } from '../json/json-equal';
import { boundedTest } from '../jsonata/bounded-regex';

/** A value a filter operand resolved to; `ABSENT` when its path selects nothing. */
const ABSENT: unique symbol = Symbol('absent');
type Resolved = Json | RegExp | typeof ABSENT;

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Evaluates an indefinite path (wildcards, `..`, unions, slices, filters) over `root`, returning the
 * matches in document order, as Jayway does for AWS. Reads own members only and never runs code:
 * filters are walked as data. Iterative over `..`, so deeply nested documents cannot overflow the
 * stack.
 *
 * @example
 * queryPath(parseQuerySteps("$.items[?(@.ok)].id"), { items: [{ ok: true, id: 1 }, { id: 2 }] }); // [1]
 */
export function queryPath(steps: readonly QueryStep[], root: Json): Json {
  let current: Json[] = [root];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step.kind === 'deep-scan') {
      current = descendantsAndSelf(current);
      continue;
    }
    if (step.kind === 'length') {
      // `length()` applies to what the path before it selected: one node, or the list of matches.
      const target: Json = i === 0 || current.length !== 1 || !definitePrefix(steps, i) ? current : current[0];
      const size = lengthOf(target);
      return size === undefined ? [] : size;
    }
    const next: Json[] = [];
    for (const node of current) applyStep(step, node, root, next);
    current = next;
  }
  return current;
}

function definitePrefix(steps: readonly QueryStep[], end: number): boolean {
  for (let i = 0; i < end; i++) {
    const step = steps[i];
    if (step.kind === 'member') continue;
    if ((step.kind === 'names' && step.names.length === 1) || (step.kind === 'indexes' && step.indexes.length === 1)) continue;
    return false;
  }
  return true;
}

/** Every node and all its descendants, pre-order (a node before its children), without recursion. */
function descendantsAndSelf(nodes: readonly Json[]): Json[] {
  const out: Json[] = [];
  const stack: Json[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]);
  while (stack.length > 0) {
    const node = stack.pop() as Json;
    if (node === null || typeof node !== 'object') continue;
    out.push(node);
    const children = Array.isArray(node) ? node : Object.values(node);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return out;
}

function applyStep(step: Exclude<QueryStep, { kind: 'deep-scan' | 'length' }>, node: Json, root: Json, out: Json[]): void {
  if (node === null || typeof node !== 'object') return;
  switch (step.kind) {
    case 'member':
      if (!Array.isArray(node) && hasOwn.call(node, step.name)) out.push(node[step.name]);
      return;
    case 'names':
      if (Array.isArray(node)) return;
      for (const name of step.names) if (hasOwn.call(node, name)) out.push(node[name]);
      return;
    case 'wildcard':
      for (const child of Array.isArray(node) ? node : Object.values(node)) out.push(child);
      return;
    case 'indexes':
      if (!Array.isArray(node)) return;
      for (const index of step.indexes) {
        const at = index < 0 ? node.length + index : index;
        if (at >= 0 && at < node.length) out.push(node[at]);
      }
      return;
    case 'slice': {
      if (!Array.isArray(node)) return;
      const n = node.length;
      const clamp = (v: number): number => (v < 0 ? Math.max(0, v + n) : Math.min(n, v));
      const start = step.start === undefined ? 0 : clamp(step.start);
      const end = step.end === undefined ? n : clamp(step.end);
      for (let i = start; i < end; i += step.step) out.push(node[i]);
      return;
    }
    case 'filter':
      for (const child of Array.isArray(node) ? node : Object.values(node)) {
        if (testFilter(step.filter, child, root)) out.push(child);
      }
      return;
  }
}

/** Whether `item` satisfies the filter. A comparison with a missing member is false (no error). */
export function testFilter(filter: FilterExpression, item: Json, root: Json): boolean {
  switch (filter.kind) {
    case 'or':
      return testFilter(filter.left, item, root) || testFilter(filter.right, item, root);
    case 'and':
      return testFilter(filter.left, item, root) && testFilter(filter.right, item, root);
    case 'not':
      return !testFilter(filter.operand, item, root);
    case 'exists':
      return resolvePath(filter.path, item, root) !== ABSENT;
    case 'compare': {
      const left = resolve(filter.left, item, root);
      const right = resolve(filter.right, item, root);
      if (left === ABSENT || right === ABSENT || left instanceof RegExp) return false;
      return compare(filter.operator, left, right);
    }
  }
}

function resolve(operand: FilterOperand, item: Json, root: Json): Resolved {
  if (operand.kind === 'literal') return operand.value;
  if (operand.kind === 'regex') return operand.regex;
  return resolvePath(operand, item, root);
}

function resolvePath(path: FilterPath, item: Json, root: Json): Json | typeof ABSENT {
  let current: Json = path.root === '@' ? item : root;
  for (const step of path.steps) {
    if (current === null || typeof current !== 'object') return ABSENT;
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return ABSENT;
      const at = step < 0 ? current.length + step : step;
      if (at < 0 || at >= current.length) return ABSENT;
      current = current[at];
    } else {
      if (Array.isArray(current) || !hasOwn.call(current, step)) return ABSENT;
      current = (current as JsonObject)[step];
    }
  }
  if (!path.length) return current;
  const size = lengthOf(current);
  return size === undefined ? ABSENT : size;
}

function lengthOf(value: Json): number | undefined {
  if (Array.isArray(value) || typeof value === 'string') return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return undefined;
}

function compare(operator: Exclude<FilterExpression, { kind: 'or' | 'and' | 'not' | 'exists' }>['operator'], left: Json, right: Json | RegExp): boolean {
  // Bounded: a pattern with back-references or look-arounds could otherwise backtrack for days.
  if (right instanceof RegExp) return operator === '=~' && typeof left === 'string' && boundedTest(right, left);
  switch (operator) {
    case '==':
      return jsonEqual(left, right);
    case '!=':
      return !jsonEqual(left, right);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return ordered(operator, left, right);
    case 'in':
      return Array.isArray(right) && right.some((r) => jsonEqual(left, r));
    case 'nin':
      return Array.isArray(right) && !right.some((r) => jsonEqual(left, r));
    case 'subsetof':
      return Array.isArray(left) && Array.isArray(right) && left.every((l) => right.some((r) => jsonEqual(l, r)));
    case 'anyof':
      return Array.isArray(left) && Array.isArray(right) && left.some((l) => right.some((r) => jsonEqual(l, r)));
    case 'noneof':
      return Array.isArray(left) && Array.isArray(right) && !left.some((l) => right.some((r) => jsonEqual(l, r)));
    case 'size':
      return (Array.isArray(left) || typeof left === 'string') && typeof right === 'number' && left.length === right;
    case 'empty':
      return (Array.isArray(left) || typeof left === 'string') && typeof right === 'boolean' && (left.length === 0) === right;
    case '=~':
      return false;
  }
}

function ordered(operator: '<' | '<=' | '>' | '>=', left: Json, right: Json): boolean {
  if (!((typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string'))) return false;
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}
