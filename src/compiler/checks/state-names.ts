import type { StateNode } from '../../dsl/ast/states';
import type { WorkflowNode } from '../../dsl/ast/workflow';
import type { WorkflowDiagnostics } from '../diagnostics';
import { LIMITS } from '../../asl/limits';

/** Name length, and per-state query languages the workflow's language forbids. */
export function checkStates(workflow: WorkflowNode, names: ReadonlyMap<string, StateNode>, sink: WorkflowDiagnostics): void {
  for (const [name, node] of names) {
    const length = [...name].length;
    if (length > LIMITS.nameLength) {
      sink.report(node, 'name', `The state name is ${length} characters long; Step Functions allows at most ${LIMITS.nameLength}. Shorten it.`);
    }
    if (length === 0) sink.report(node, 'name', 'A state name cannot be empty.');
    if (workflow.queryLanguage === 'JSONata' && node.queryLanguage === 'JSONPath') {
      sink.report(node, 'queryLanguage', "The workflow uses JSONata, so no state may use JSONPath (AWS rejects it). Make the workflow JSONPath and opt states into JSONata instead, or drop queryLanguage: 'JSONPath'.");
    }
  }
}
