import type { QueryLanguage } from '../../asl/types';
import { effectiveQueryLanguage } from '../../asl/walk';
import type { StateNode } from '../../dsl/ast/states';
import type { WorkflowNode } from '../../dsl/ast/workflow';
import type { WorkflowDiagnostics } from '../diagnostics';

/** What emitting one state needs to know. */
export interface StateEmitContext {
  readonly workflow: WorkflowNode;
  readonly sink: WorkflowDiagnostics;
  readonly state: StateNode;
  /** The state's effective query language (its own, else the workflow's, else JSONPath). */
  readonly language: QueryLanguage;
  /** Every state name seen so far in the workflow (names are unique across scopes). */
  readonly names: Map<string, StateNode>;
}

export function stateLanguage(workflow: WorkflowNode, state: StateNode): QueryLanguage {
  return effectiveQueryLanguage(state.queryLanguage, workflow.queryLanguage);
}

export function report(context: StateEmitContext, field: string | undefined, message: string, source?: string): void {
  context.sink.report(context.state, field, message, source);
}
