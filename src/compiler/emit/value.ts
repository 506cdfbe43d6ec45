import type { Json, JsonObject } from '../../asl/types';
import type { StateNode } from '../../dsl/ast/states';
import type { ValueNode } from '../../dsl/ast/value';
import { renderPath, type FieldScope } from './field-scope';
import { report, type StateEmitContext } from './state-context';
import { jsonataValue } from './value-jsonata';
import { jsonPathExpression, jsonPathTemplate } from './value-jsonpath';

/**
 * Emits a payload-like field (Parameters/Arguments, ResultSelector, Assign, ItemSelector, ...)
 * under `name` in the state's language, into `target`. A JSONPath template must be an object;
 * `whenPath` decides what to do with a bare path there (e.g. move it to InputPath).
 */
export function emitTemplateField(
  target: JsonObject,
  name: string,
  node: ValueNode | undefined,
  scope: FieldScope,
  context: StateEmitContext,
): void {
  if (node === undefined) return;
  if (context.language === 'JSONata') {
    target[name] = jsonataValue(node, scope, context);
    return;
  }
  if (node.kind === 'object') {
    target[name] = jsonPathTemplate(node, scope, context);
    return;
  }
  report(
    context,
    scope.field,
    `In JSONPath, ${name} must be an object (e.g. { id: s.order.id }); got a ${describe(node)}. Wrap it in an object, or use JSONata.`,
  );
}

/**
 * Emits a setting that is a literal or computed: `TimeoutSeconds: 30`, `TimeoutSecondsPath: "$.t"`
 * (JSONPath), `TimeoutSeconds: "{% ... %}"` (JSONata).
 */
export function emitSetting(
  target: JsonObject,
  name: string,
  node: ValueNode | undefined,
  scope: FieldScope,
  context: StateEmitContext,
  options: { intrinsicAllowed?: boolean } = {},
): void {
  if (node === undefined) return;
  if (node.kind === 'literal') {
    target[name] = node.value;
    return;
  }
  if (context.language === 'JSONata') {
    target[name] = jsonataValue(node, scope, context);
    return;
  }
  if (node.kind === 'path' || node.kind === 'rawPath' || (node.kind === 'intrinsic' && options.intrinsicAllowed)) {
    target[`${name}Path`] = jsonPathExpression(node, { ...scope, referenceOnly: node.kind !== 'intrinsic' }, context);
    return;
  }
  report(context, scope.field, `${scope.field} must be a literal or a path (→ ${name}Path) in a JSONPath state; got a ${describe(node)}.`);
}

function describe(node: ValueNode): string {
  return node.kind === 'literal' ? `literal ${JSON.stringify(node.value as Json)}` : node.kind;
}

/**
 * The input of a state's work: `Parameters` (JSONPath) or `Arguments` (JSONata). A bare path
 * (`s => s.order`) is what `InputPath` expresses in JSONPath, so it is emitted as that.
 */
export function emitPayload(
  target: JsonObject,
  state: StateNode & { payload?: ValueNode },
  scope: FieldScope,
  context: StateEmitContext,
): void {
  const payload = state.payload;
  if (payload === undefined) return;
  if (context.language === 'JSONPath' && (payload.kind === 'path' || payload.kind === 'rawPath')) {
    if (state.inputPath !== undefined) {
      report(context, scope.field, `${scope.field} is a bare path and the state also has an inputPath; wrap it in an object or drop inputPath.`);
      return;
    }
    target.InputPath = renderPath(payload, scope, context);
    return;
  }
  emitTemplateField(target, context.language === 'JSONata' ? 'Arguments' : 'Parameters', payload, scope, context);
}
