import { jsonataSyntaxError, isJsonataExpression } from '../../asl/jsonata-syntax';
import { looksLikeIntrinsic, parseIntrinsic } from '../../asl/intrinsic-syntax';
import type { Json, JsonObject, StateMachineDefinition } from '../../asl/types';
import type { StateNode } from '../../dsl/ast/states';
import type { WorkflowNode } from '../../dsl/ast/workflow';
import type { DiagnosticSink } from '../diagnostics';
import { jsonPathProblem } from '../emit/field-scope';

/**
 * Checks the syntax of every expression in the emitted document: `{% %}` JSONata in JSONata
 * states, `.$` paths and intrinsic calls in JSONPath states. User text (`jsonata\`...\``,
 * `jsonPath(...)`) is where these come from; the message names the state and the field.
 */
export function checkExpressionSyntax(
  definition: StateMachineDefinition,
  workflow: WorkflowNode,
  names: ReadonlyMap<string, StateNode>,
  sink: DiagnosticSink,
): void {
  visitStates(definition.States as unknown as Record<string, JsonObject>, workflow, names, sink);
}

function visitStates(states: Record<string, JsonObject>, workflow: WorkflowNode, names: ReadonlyMap<string, StateNode>, sink: DiagnosticSink): void {
  for (const [name, state] of Object.entries(states)) {
    const node = names.get(name);
    const language = (state.QueryLanguage as string | undefined) ?? workflow.queryLanguage ?? 'JSONPath';
    for (const [field, value] of Object.entries(state)) {
      if (field === 'Branches') {
        for (const branch of value as JsonObject[]) visitStates(branch.States as Record<string, JsonObject>, workflow, names, sink);
      } else if (field === 'ItemProcessor') {
        visitStates((value as JsonObject).States as Record<string, JsonObject>, workflow, names, sink);
      } else {
        visitValue(value, field, language === 'JSONata', node, sink);
      }
    }
  }
}

function visitValue(value: Json, field: string, jsonata: boolean, node: StateNode | undefined, sink: DiagnosticSink): void {
  if (typeof value === 'string') {
    if (jsonata && isJsonataExpression(value)) {
      const problem = jsonataSyntaxError(value);
      if (problem) sink.report(node, field, `Invalid JSONata in ${field}: ${problem}. Expression: ${value}`);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => visitValue(item, `${field}[${i}]`, jsonata, node, sink));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, member] of Object.entries(value)) {
    if (!jsonata && key.endsWith('.$') && typeof member === 'string') checkJsonPathValue(member, `${field}.${key}`, node, sink);
    else visitValue(member, `${field}.${key}`, jsonata, node, sink);
  }
}

function checkJsonPathValue(text: string, field: string, node: StateNode | undefined, sink: DiagnosticSink): void {
  if (looksLikeIntrinsic(text)) {
    try {
      parseIntrinsic(text);
    } catch (error) {
      sink.report(node, field, `Invalid intrinsic call ${text}: ${(error as Error).message}`);
    }
    return;
  }
  const problem = jsonPathProblem(text, false);
  if (problem) sink.report(node, field, problem);
}
