import type { StateNode } from '../dsl/ast/states';
import type { WorkflowNode } from '../dsl/ast/workflow';
import type { AslDiagnostic } from '../asl/validate/diagnostics';
import type { CompileDiagnostic } from './compile-error';

/**
 * Collects the diagnostics of one workflow, filling in its name and the state's source location.
 * DSL-only checks `report`; the validator's diagnostics arrive through `fromValidator` with their
 * own code and severity.
 */
export class WorkflowDiagnostics {
  readonly diagnostics: CompileDiagnostic[] = [];

  constructor(readonly workflow: WorkflowNode) {}

  /** Reports a DSL-only problem in `state` (or in the workflow when absent). */
  report(state: StateNode | undefined, field: string | undefined, message: string, source?: string): void {
    this.add({ code: 'INVALID_WORKFLOW', severity: 'error' }, state, field, message, source);
  }

  /** Adds a validator diagnostic, already placed in DSL words. */
  fromValidator(diagnostic: AslDiagnostic, state: StateNode | undefined, field: string | undefined, message: string, source?: string): void {
    this.add({ code: diagnostic.code as CompileDiagnostic['code'], severity: diagnostic.severity, pointer: diagnostic.pointer }, state, field, message, source);
  }

  private add(
    kind: Pick<CompileDiagnostic, 'code' | 'severity' | 'pointer'>,
    state: StateNode | undefined,
    field: string | undefined,
    message: string,
    source?: string,
  ): void {
    this.diagnostics.push(
      Object.freeze({
        ...kind,
        workflow: this.workflow.name,
        ...(state && { state: state.name }),
        ...(field && { field }),
        source: source ?? state?.source ?? this.workflow.source,
        message,
      }),
    );
  }
}
