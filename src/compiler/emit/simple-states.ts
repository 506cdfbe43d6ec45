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

// "Exactly one of Seconds/Timestamp", the bounds and the RFC 3339 format are the validator's rules.
export function emitWait(node: WaitNode, context: StateEmitContext): JsonObject {
  const out: JsonObject = {};
  const scope: FieldScope = { field: 'seconds', dollar: 'input', roots: ['input'], afterInputPath: true };
  emitSetting(out, 'Seconds', node.seconds, scope, context);
  emitSetting(out, 'Timestamp', node.timestamp, { ...scope, field: 'timestamp' }, context);
  return out;
}

// Which intrinsics ErrorPath/CausePath accept is the validator's rule (state-fields.ts, failPath).
export function emitFail(node: FailNode, context: StateEmitContext): JsonObject {
  const out: JsonObject = {};
  for (const [field, value] of [['error', node.error], ['cause', node.cause]] as const) {
    const name = field === 'error' ? 'Error' : 'Cause';
    emitSetting(out, name, value, { field, dollar: 'input', roots: ['input'] }, context, { intrinsicAllowed: true });
  }
  return out;
}

export function emitChoice(node: ChoiceNode, layout: LaidOutScope, context: StateEmitContext): JsonObject {
  const jsonata = context.language === 'JSONata';
  const Choices = node.rules.map((rule, i): JsonObject => {
    const out: JsonObject = jsonata
      ? rule.condition.kind === 'jsonata' && rule.condition.literal && rule.condition.expression.kind === 'literal'
        ? { Condition: rule.condition.expression.value }
        : { Condition: `{% ${jsonataCondition(rule.condition, context)} %}` }
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
