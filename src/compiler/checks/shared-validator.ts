import type { StateMachineDefinition } from '../../asl/types';
import { validateDefinition } from '../../asl/validate';
import type { StateNode } from '../../dsl/ast/states';
import type { WorkflowNode } from '../../dsl/ast/workflow';
import type { DiagnosticSink } from '../diagnostics';

/**
 * Runs the shared ASL validator (the one the interpreter uses) on the emitted document and maps
 * its diagnostics back to the builder call of the state concerned. Warnings fail the build too:
 * the compiler controls what it emits, so it emits only what no rule questions (e.g. an inner scope
 * assigning an outer variable, which the ASL spec forbids but AWS may not reject).
 */
export function runSharedValidator(
  definition: StateMachineDefinition,
  workflow: WorkflowNode,
  names: ReadonlyMap<string, StateNode>,
  sink: DiagnosticSink,
): void {
  const diagnostics = validateDefinition(definition, { strictReachability: true, stateMachineType: workflow.stateMachineType });
  for (const diagnostic of diagnostics) {
    const node = diagnostic.state === undefined ? undefined : names.get(diagnostic.state);
    sink.report(node, diagnostic.field ?? diagnostic.pointer, `${diagnostic.message} [${diagnostic.code} at ${diagnostic.pointer || '/'}]`);
  }
}
