import type { JsonObject, State, StateMachineDefinition } from '../asl/types';
import type { StateNode } from '../dsl/ast/states';
import type { WorkflowNode } from '../dsl/ast/workflow';
import { describeWorkflow } from '../dsl/ast/describe';
import type { Workflow } from '../dsl/workflow';
import { runSharedValidator } from './checks/shared-validator';
import { checkStates } from './checks/state-names';
import { checkVariableReads } from './checks/variable-reads';
import { WorkflowCompileError } from './compile-error';
import { WorkflowDiagnostics } from './diagnostics';
import { emitScope } from './emit/scope';

/** A workflow compiled to ASL. */
export interface CompiledWorkflow {
  name: string;
  definition: StateMachineDefinition;
  stateMachineType: 'STANDARD' | 'EXPRESS';
}

/**
 * Compiles a workflow to an ASL definition. Deterministic: the same workflow always gives the same
 * document (fields in canonical order, states in chain order). Throws `WorkflowCompileError`
 * listing every problem (with the builder call's `file:line`) when the workflow is invalid.
 *
 * @example
 * const { definition } = compileWorkflow(orderFlow);
 * await writeFile('generated/OrderFlow.asl.json', await formatDefinition(definition));
 */
export function compileWorkflow(workflow: Workflow<any>): CompiledWorkflow {
  const description = describeWorkflow(workflow);
  if (!description) throw new TypeError('compileWorkflow expects a workflow built with workflow(name, { input }) from the DSL.');
  const sink = new WorkflowDiagnostics(description);
  const names = new Map<string, StateNode>();
  if (description.chain.steps.length === 0) {
    sink.report(undefined, 'States', 'The workflow has no states. Add at least one, e.g. .pass(\'Start\').');
    throw new WorkflowCompileError(description.name, sink.diagnostics);
  }
  const scope = emitScope(description.chain, description, sink, names);
  const definition = topLevel(description, scope);
  checkStates(description, names, sink);
  // Every ASL rule (reachability, expression syntax, bounds, retriers, Express limits, …) is the
  // validator's; the compiler's own checks above are the ones only the DSL can make. After a DSL
  // error the emitted document is partial, and validating it would only report the consequences.
  if (sink.diagnostics.length === 0) runSharedValidator(definition, description, names, sink);
  // Needs a well-formed graph (every transition resolved), so it runs only on a valid document.
  if (sink.diagnostics.length === 0) checkVariableReads(definition, description, names, sink);
  if (sink.diagnostics.length > 0) throw new WorkflowCompileError(description.name, sink.diagnostics);
  return { name: description.name, definition, stateMachineType: description.stateMachineType };
}

function topLevel(workflow: WorkflowNode, scope: { StartAt: string; States: JsonObject }): StateMachineDefinition {
  return {
    ...(workflow.comment !== undefined && { Comment: workflow.comment }),
    ...(workflow.queryLanguage !== undefined && { QueryLanguage: workflow.queryLanguage }),
    ...(workflow.version !== undefined && { Version: workflow.version }),
    ...(workflow.timeoutSeconds !== undefined && { TimeoutSeconds: workflow.timeoutSeconds }),
    StartAt: scope.StartAt,
    States: scope.States as unknown as Record<string, State>,
  };
}
