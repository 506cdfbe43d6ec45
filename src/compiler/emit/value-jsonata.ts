import type { Json } from '../../asl/types';
import type { ValueNode } from '../../dsl/ast/value';
import { renderPath, type FieldScope } from './field-scope';
import { intrinsicToJsonata } from './intrinsic-to-jsonata';
import { report, type StateEmitContext } from './state-context';

/**
 * Emits a value for a JSONata field: literals stay, computed parts become `{% ... %}` strings.
 *
 * @example
 * // { id: s.order.id } → { "id": "{% $states.input.order.id %}" }
 */
export function jsonataValue(node: ValueNode, scope: FieldScope, context: StateEmitContext): Json {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'object':
      return Object.fromEntries(node.entries.map(([key, value]) => [key, jsonataValue(value, scope, context)]));
    case 'array':
      return node.items.map((item) => jsonataValue(item, scope, context));
    default:
      return `{% ${jsonataExpression(node, scope, context)} %}`;
  }
}

/** The JSONata expression text of a value (no `{% %}` delimiters). */
export function jsonataExpression(node: ValueNode, scope: FieldScope, context: StateEmitContext): string {
  const render = (child: ValueNode) => jsonataExpression(child, scope, context);
  switch (node.kind) {
    case 'literal':
      return JSON.stringify(node.value);
    case 'path':
    case 'rawPath':
      return renderPath(node, scope, context);
    case 'object':
      return `{${node.entries.map(([key, value]) => `${JSON.stringify(key)}: ${render(value)}`).join(', ')}}`;
    case 'array':
      return `[${node.items.map(render).join(', ')}]`;
    case 'jsonata':
      return node.parts.map((part) => (typeof part === 'string' ? part : interpolation(part, render))).join('').trim();
    case 'intrinsic': {
      const translated = intrinsicToJsonata(node, render);
      if (translated === undefined) {
        report(context, scope.field, `${node.name} with these arguments has no JSONata equivalent; write the expression with jsonata\`...\`.`, node.source);
        return 'null';
      }
      return translated;
    }
  }
}

// Paths and literals are atoms; anything else is parenthesised so it composes inside user text.
function interpolation(part: ValueNode, render: (node: ValueNode) => string): string {
  const text = render(part);
  return part.kind === 'path' || part.kind === 'literal' ? text : `(${text})`;
}
