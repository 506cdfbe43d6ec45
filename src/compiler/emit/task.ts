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

/** The Task-specific fields: Resource, Parameters/Arguments, timeouts, Credentials, Retry/Catch. */
export function emitTask(node: TaskNode, layout: LaidOutScope, context: StateEmitContext): JsonObject {
  const out: JsonObject = { Resource: node.resource.resource };
  emitPayload(out, node, { ...PAYLOAD_SCOPE, field: 'payload' }, context);
  emitSetting(out, 'TimeoutSeconds', node.timeoutSeconds, { ...SETTING_SCOPE, field: 'timeoutSeconds' }, context);
  emitSetting(out, 'HeartbeatSeconds', node.heartbeatSeconds, { ...SETTING_SCOPE, field: 'heartbeatSeconds' }, context);
  emitTemplateField(out, 'Credentials', node.credentials, { ...SETTING_SCOPE, field: 'credentials' }, context);
  checkTimeouts(node, context);
  checkPattern(node, context);
  return { ...out, ...emitErrorHandling(node, layout, context) };
}

function checkTimeouts(node: TaskNode, context: StateEmitContext): void {
  const timeout = literalNumber(node.timeoutSeconds);
  const heartbeat = literalNumber(node.heartbeatSeconds);
  for (const [field, value] of [['timeoutSeconds', timeout], ['heartbeatSeconds', heartbeat]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 99_999_999)) {
      report(context, field, `${field} must be an integer from 1 to 99999999; got ${value}.`);
    }
  }
  if (timeout !== undefined && heartbeat !== undefined && heartbeat >= timeout) {
    report(context, 'heartbeatSeconds', `heartbeatSeconds (${heartbeat}) must be lower than timeoutSeconds (${timeout}).`);
  }
}

function checkPattern(node: TaskNode, context: StateEmitContext): void {
  const { pattern, integration } = node.resource;
  if (context.workflow.stateMachineType === 'EXPRESS') {
    if (pattern === 'sync' || pattern === 'sync:2' || pattern === 'waitForTaskToken' || integration === 'activity') {
      report(context, 'integration', `Express workflows do not support ${integration === 'activity' ? 'activities' : `the .${pattern} pattern`}. Use a request-response call or make the workflow STANDARD (type: 'STANDARD').`);
    }
  }
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

function literalNumber(node: ValueNode | undefined): number | undefined {
  return node?.kind === 'literal' && typeof node.value === 'number' ? node.value : undefined;
}
