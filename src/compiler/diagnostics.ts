import type { StateNode } from '../dsl/ast/states';
import type { WorkflowNode } from '../dsl/ast/workflow';
import type { CompileDiagnostic } from './compile-error';

/** Collects diagnostics for one workflow, filling in its name and the state's source location. */
export class DiagnosticSink {
  readonly diagnostics: CompileDiagnostic[] = [];

  constructor(readonly workflow: WorkflowNode) {}

  /** Reports a problem in `state` (or in the workflow when absent). */
  report(state: StateNode | undefined, field: string | undefined, message: string, source?: string): void {
    this.diagnostics.push(
      Object.freeze({
        workflow: this.workflow.name,
        ...(state && { state: state.name }),
        ...(field && { field }),
        source: source ?? state?.source ?? this.workflow.source,
        message,
      }),
    );
  }
}
