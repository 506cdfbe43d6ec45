import type { AslDiagnostic, DiagnosticCode } from '../asl/validate/diagnostics';
import type { SourceLocation } from '../dsl/ast/source-location';

/**
 * One problem found while compiling a workflow, with where it is and how to fix it: the same
 * `code` and `severity` as the validator's {@link AslDiagnostic} (whose rules it reports in DSL
 * words), plus the workflow and the builder call's `file:line`. Checks only the DSL can make use
 * the code `INVALID_WORKFLOW`.
 */
export interface CompileDiagnostic {
  /** The validator's code (`INVALID_FIELD_VALUE`, …) or `INVALID_WORKFLOW` for a DSL-only check. */
  readonly code: DiagnosticCode | 'INVALID_WORKFLOW';
  /** The compiler emits nothing questionable: warnings fail the build too, but keep their severity. */
  readonly severity: AslDiagnostic['severity'];
  /** JSON pointer into the emitted ASL, for diagnostics that come from the validator. */
  readonly pointer?: string;
  readonly workflow: string;
  /** The state's name, when the problem is in a state. */
  readonly state?: string;
  /** The DSL option or ASL field concerned (e.g. `resultPath`, `Catch[0].Next`). */
  readonly field?: string;
  /** `file:line` of the builder call that created the state (or the workflow). */
  readonly source: SourceLocation;
  /** What is wrong and what to do about it. */
  readonly message: string;
}

/** Formats a diagnostic as one line: `workflows/order.ts:12 OrderFlow › Charge › resultPath: ...`. */
export function formatDiagnostic(diagnostic: CompileDiagnostic): string {
  const where = [diagnostic.workflow, diagnostic.state, diagnostic.field].filter(Boolean).join(' › ');
  return `${diagnostic.source} ${where}: ${diagnostic.message}`;
}

/**
 * Thrown by `compileWorkflow` when the workflow is invalid; nothing is emitted. `diagnostics`
 * lists every problem found, not only the first.
 *
 * @example
 * try { compileWorkflow(flow) } catch (e) { if (e instanceof WorkflowCompileError) console.error(e.message) }
 */
export class WorkflowCompileError extends Error {
  readonly diagnostics: CompileDiagnostic[];

  constructor(workflow: string, diagnostics: CompileDiagnostic[]) {
    const count = diagnostics.length === 1 ? '1 problem' : `${diagnostics.length} problems`;
    super(`Workflow '${workflow}' cannot be compiled (${count}):\n${diagnostics.map((d) => `  - ${formatDiagnostic(d)}`).join('\n')}`);
    this.name = 'WorkflowCompileError';
    this.diagnostics = diagnostics;
  }
}
