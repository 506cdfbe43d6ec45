import type { Json, JsonObject } from '../../asl/types';
import type { ArrayNode, IntrinsicNode, ObjectNode, ValueNode } from '../../dsl/ast/value';
import { renderPath, type FieldScope } from './field-scope';
import { report, type StateEmitContext } from './state-context';

/**
 * Emits a JSONPath payload template: members holding paths or intrinsic calls get the `.$`
 * suffix, arrays of paths become `States.Array(...)`, literals are copied.
 *
 * @example
 * // { id: s.order.id, n: 1 } → { "id.$": "$.order.id", "n": 1 }
 */
export function jsonPathTemplate(node: ObjectNode, scope: FieldScope, context: StateEmitContext): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of node.entries) {
    switch (value.kind) {
      case 'literal':
        out[key] = value.value;
        break;
      case 'path':
      case 'rawPath':
      case 'intrinsic':
        out[`${key}.$`] = jsonPathExpression(value, scope, context);
        break;
      case 'object':
        out[key] = jsonPathTemplate(value, scope, context);
        break;
      case 'array':
        if (isDynamicArray(value)) out[`${key}.$`] = arrayCall(value, scope, context);
        else out[key] = staticArray(value, scope, context);
        break;
      case 'jsonata':
        report(context, scope.field, `'${key}' is a jsonata\`...\` expression, but this state uses JSONPath. Use selectors and States.* intrinsics, or set queryLanguage: 'JSONata'.`, value.source);
        break;
    }
  }
  return out;
}

/** A path or intrinsic as the string value of a `.$` member (or of a `...Path` field). */
export function jsonPathExpression(node: ValueNode, scope: FieldScope, context: StateEmitContext): string {
  if (node.kind === 'path' || node.kind === 'rawPath') return renderPath(node, scope, context);
  if (node.kind === 'intrinsic') return renderIntrinsic(node, scope, context);
  if (node.kind === 'array') return arrayCall(node, scope, context);
  report(context, scope.field, `A ${node.kind} cannot be used where a path or intrinsic call is expected.`);
  return '$';
}

function isDynamicArray(node: ArrayNode): boolean {
  return node.items.some((item) => item.kind === 'path' || item.kind === 'rawPath' || item.kind === 'intrinsic');
}

function arrayCall(node: ArrayNode, scope: FieldScope, context: StateEmitContext): string {
  const args = node.items.map((item) => intrinsicArgument(item, false, scope, context));
  return `States.Array(${args.join(', ')})`;
}

function staticArray(node: ArrayNode, scope: FieldScope, context: StateEmitContext): Json[] {
  return node.items.map((item): Json => {
    if (item.kind === 'literal') return item.value;
    if (item.kind === 'object') return jsonPathTemplate(item, scope, context);
    if (item.kind === 'array') return staticArray(item, scope, context);
    report(context, scope.field, `This array mixes computed values with nested objects; JSONPath cannot express that. Compute the array in one step (States.Array(...)) or use JSONata.`);
    return null;
  });
}

/** `States.Format('Hi {}', $.name)` from an intrinsic node. */
export function renderIntrinsic(node: IntrinsicNode, scope: FieldScope, context: StateEmitContext): string {
  const args = node.args.map((arg, i) => intrinsicArgument(arg, node.name === 'States.Format' && i === 0, scope, context));
  return `${node.name}(${args.join(', ')})`;
}

function intrinsicArgument(arg: ValueNode, formatTemplate: boolean, scope: FieldScope, context: StateEmitContext): string {
  switch (arg.kind) {
    case 'literal':
      if (typeof arg.value === 'string') return `'${escapeString(arg.value, formatTemplate)}'`;
      if (arg.value === null || typeof arg.value !== 'object') return JSON.stringify(arg.value);
      report(context, scope.field, 'Intrinsic arguments are strings, numbers, booleans, null, paths or calls; pass an object through a path instead.');
      return 'null';
    case 'path':
    case 'rawPath':
      return renderPath(arg, scope, context);
    case 'intrinsic':
      return renderIntrinsic(arg, scope, context);
    case 'array':
      return arrayCall(arg, scope, context);
    default:
      report(context, scope.field, `An intrinsic argument cannot be a ${arg.kind}; use a path, a literal or another States.* call.`);
      return 'null';
  }
}

// In intrinsic strings `'`, `{`, `}` and `\` are reserved and written `\'`, `\{`, `\}`, `\\`. A Format
// template keeps its `{}` placeholders; any other brace in it is literal text and is escaped.
function escapeString(text: string, formatTemplate: boolean): string {
  if (!formatTemplate) return text.replace(/[\\'{}]/g, (ch) => `\\${ch}`);
  return text
    .split('{}')
    .map((piece) => piece.replace(/[\\'{}]/g, (ch) => `\\${ch}`))
    .join('{}');
}
