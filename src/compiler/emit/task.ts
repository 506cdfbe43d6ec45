import type { JsonObject } from '../../asl/types';
import type { TaskNode } from '../../dsl/ast/states';
import type { ValueNode } from '../../dsl/ast/value';
import type { LaidOutScope } from '../graph/layout';
import { emitErrorHandling } from './error-handling';
import type { FieldScope } from './field-scope';
import { report, type StateEmitContext } from './state-context';
import { emitPayload, emitSetting, emitTemplateField } from './value';

const PAYLOAD_SCOPE: FieldScope = { field: 'payload', dollar: 'input', roots: ['input'], afterInputPath: true };
const SETTING_SCOPE: FieldScope = { field: 'setting', dollar: 'input', roots: ['input'], afterInputPath: true };

/**
 * Where each field of the Task AST lands in ASL. The emitters read the node field by field; this
 * table, checked by `satisfies` against `keyof TaskNode`, makes a new AST field a type error until
 * someone says which emitter writes it (so it cannot be silently dropped).
 */
export const TASK_NODE_FIELDS = {
  kind: 'Type (emitState)',
  name: 'the key in States (emitScope)',
  source: 'diagnostics only (file:line)',
  resultSchema: 'not emitted: a zod schema for statecraft/testing and verify (the ASL is unchanged)',
  comment: 'Comment (emitState)',
  queryLanguage: 'QueryLanguage (emitState)',
  inputPath: 'InputPath (emitDataFlow)',
  outputPath: 'OutputPath (emitDataFlow)',
  output: 'Output (emitDataFlow)',
  assign: 'Assign (emitDataFlow)',
  resultSelector: 'ResultSelector (emitDataFlow)',
  resultPath: 'ResultPath (emitDataFlow)',
  payload: 'Parameters / Arguments (emitTask)',
  resource: 'Resource (emitTask)',
  timeoutSeconds: 'TimeoutSeconds / TimeoutSecondsPath (emitTask)',
  heartbeatSeconds: 'HeartbeatSeconds / HeartbeatSecondsPath (emitTask)',
  credentials: 'Credentials (emitTask)',
  retry: 'Retry (emitErrorHandling)',
  catch: 'Catch (emitErrorHandling)',
} as const satisfies { readonly [K in keyof TaskNode]-?: string };

/** The Task-specific fields: Resource, Parameters/Arguments, timeouts, Credentials, Retry/Catch. */
export function emitTask(node: TaskNode, layout: LaidOutScope, context: StateEmitContext): JsonObject {
  const out: JsonObject = { Resource: node.resource.resource };
  emitPayload(out, node, { ...PAYLOAD_SCOPE, field: 'payload' }, context);
  emitSetting(out, 'TimeoutSeconds', node.timeoutSeconds, { ...SETTING_SCOPE, field: 'timeoutSeconds' }, context);
  emitSetting(out, 'HeartbeatSeconds', node.heartbeatSeconds, { ...SETTING_SCOPE, field: 'heartbeatSeconds' }, context);
  emitTemplateField(out, 'Credentials', node.credentials, { ...SETTING_SCOPE, field: 'credentials' }, context);
  checkTaskToken(node, context);
  return { ...out, ...emitErrorHandling(node, layout, context) };
}

// Timeout/heartbeat bounds and Express restrictions are the validator's rules; this DSL-only
// check sees the payload as written: a callback task must send ctx.Task.Token somewhere.
function checkTaskToken(node: TaskNode, context: StateEmitContext): void {
  const { pattern } = node.resource;
  if (pattern === 'waitForTaskToken' && !(node.payload && readsTaskToken(node.payload))) {
    report(context, 'payload', 'This .waitForTaskToken task never sends its task token (ctx.Task.Token), so nothing can complete it and it would wait until it times out. Put ctx.Task.Token in the payload.');
  }
}

function readsTaskToken(node: ValueNode): boolean {
  switch (node.kind) {
    case 'path':
      return node.root === 'context' && node.segments[0] === 'Task' && node.segments[1] === 'Token';
    case 'object':
      return node.entries.some(([, value]) => readsTaskToken(value));
    case 'array':
      return node.items.some(readsTaskToken);
    case 'intrinsic':
      return node.args.some(readsTaskToken);
    case 'jsonata':
      return node.parts.some((part) => (typeof part === 'string' ? part.includes('Task.Token') : readsTaskToken(part)));
    default:
      return false;
  }
}
