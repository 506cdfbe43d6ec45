import type { JsonObject } from '../../asl/types';
import type { ChoiceNode, FailNode, PassNode, WaitNode } from '../../dsl/ast/states';
import type { LaidOutScope } from '../graph/layout';
import { jsonataCondition, jsonPathCondition } from './choice';
import type { FieldScope } from './field-scope';
import { report, type StateEmitContext } from './state-context';
import { emitPayload, emitSetting, emitTemplateField } from './value';
import { jsonataValue } from './value-jsonata';

const INPUT_SCOPE: FieldScope = { field: 'parameters', dollar: 'input', roots: ['input'], afterInputPath: true };

export function emitPass(node: PassNode, context: StateEmitContext): JsonObject {
  const out: JsonObject = {};
  if (context.language === 'JSONata') {
    if (node.result !== undefined) report(context, 'result', `result is JSONPath-only; in a JSONata Pass write output: () => (value).`);
    if (node.payload !== undefined) report(context, 'parameters', `parameters is JSONPath-only; in a JSONata Pass write output: ({ input }) => ({ ... }).`);
    return out;
  }
  if (node.result !== undefined) out.Result = node.result.kind === 'literal' ? node.result.value : jsonataValue(node.result, INPUT_SCOPE, context);
  emitPayload(out, node, INPUT_SCOPE, context);
  return out;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function emitWait(node: WaitNode, context: StateEmitContext): JsonObject {
  const out: JsonObject = {};
  if ((node.seconds === undefined) === (node.timestamp === undefined)) {
    report(context, 'seconds', 'A Wait needs exactly one of seconds and timestamp.');
  }
  const scope: FieldScope = { field: 'seconds', dollar: 'input', roots: ['input'], afterInputPath: true };
  emitSetting(out, 'Seconds', node.seconds, scope, context);
  emitSetting(out, 'Timestamp', node.timestamp, { ...scope, field: 'timestamp' }, context);
  if (typeof out.Seconds === 'number' && (!Number.isInteger(out.Seconds) || out.Seconds < 0 || out.Seconds > 99_999_999)) {
    report(context, 'seconds', `seconds must be an integer from 0 to 99999999; got ${out.Seconds}.`);
  }
  if (node.timestamp?.kind === 'literal' && !(typeof node.timestamp.value === 'string' && TIMESTAMP.test(node.timestamp.value))) {
    report(context, 'timestamp', `timestamp ${JSON.stringify(node.timestamp.value)} is not an RFC 3339 timestamp such as '2026-01-31T12:00:00Z'.`);
  }
  return out;
}

// Only these intrinsics are accepted in ErrorPath/CausePath (AWS "Fail workflow state").
const FAIL_PATH_INTRINSICS = new Set(['States.Format', 'States.JsonToString', 'States.ArrayGetItem', 'States.Base64Encode', 'States.Base64Decode', 'States.Hash', 'States.UUID']);

export function emitFail(node: FailNode, context: StateEmitContext): JsonObject {
  const out: JsonObject = {};
  for (const [field, value] of [['error', node.error], ['cause', node.cause]] as const) {
    if (value?.kind === 'intrinsic' && !FAIL_PATH_INTRINSICS.has(value.name)) {
      report(context, field, `${value.name} is not allowed in ${field === 'error' ? 'ErrorPath' : 'CausePath'}; use one of ${[...FAIL_PATH_INTRINSICS].join(', ')}.`);
    }
    const name = field === 'error' ? 'Error' : 'Cause';
    emitSetting(out, name, value, { field, dollar: 'input', roots: ['input'] }, context, { intrinsicAllowed: true });
  }
  return out;
}

export function emitChoice(node: ChoiceNode, layout: LaidOutScope, context: StateEmitContext): JsonObject {
  const jsonata = context.language === 'JSONata';
  const Choices = node.rules.map((rule, i): JsonObject => {
    const out: JsonObject = jsonata
      ? { Condition: `{% ${jsonataCondition(rule.condition, context)} %}` }
      : jsonPathCondition(rule.condition, context);
    out.Next = layout.targetName(rule.target);
    if (rule.output !== undefined) {
      if (!jsonata) report(context, `Choices[${i}].output`, 'A rule output is JSONata-only.', rule.source);
      else emitTemplateField(out, 'Output', rule.output, { field: `Choices[${i}].output`, dollar: undefined, roots: ['input'] }, context);
    }
    emitTemplateField(out, 'Assign', rule.assign, { field: `Choices[${i}].assign`, dollar: 'input', roots: ['input'], afterInputPath: true }, context);
    if (rule.comment !== undefined) out.Comment = rule.comment;
    return out;
  });
  return { Choices, ...(node.otherwise && { Default: layout.targetName(node.otherwise) }) };
}
