import type { StateMachineDefinition } from '../../asl/types';
import { validateDefinition } from '../../asl/validate';
import type { StateNode } from '../../dsl/ast/states';
import type { WorkflowNode } from '../../dsl/ast/workflow';
import type { WorkflowDiagnostics } from '../diagnostics';
import { dslLocation, inDslWords } from './dsl-words';

/**
 * Runs the validator — the one owner of every ASL rule — on the emitted document and reports each
 * diagnostic in DSL words (`Retry[0].BackoffRate` → `.retry(…, { backoffRate })`) at the builder
 * call that made the state (or the retrier/catcher). Warnings fail the build too: the compiler
 * controls what it emits, so it emits only what no rule questions (e.g. `IntervalSeconds: 0`,
 * which AWS's schema accepts but the ASL spec forbids).
 */
export function runSharedValidator(
  definition: StateMachineDefinition,
  workflow: WorkflowNode,
  names: ReadonlyMap<string, StateNode>,
  sink: WorkflowDiagnostics,
): void {
  for (const diagnostic of validateDefinition(definition, { stateMachineType: workflow.stateMachineType })) {
    const node = diagnostic.state === undefined ? undefined : names.get(diagnostic.state);
    const location = dslLocation(pathInState(diagnostic.pointer, diagnostic.state), node);
    const where = location.call ? ` (in the workflow: ${location.call})` : '';
    sink.fromValidator(
      diagnostic,
      node,
      location.field ?? diagnostic.field,
      `${inDslWords(diagnostic.message)}${where} [${diagnostic.code} at ${diagnostic.pointer || '/'}]`,
      location.source,
    );
  }
}

/** `/States/P/Branches/0/States/T/Retry/0/BackoffRate` → `['Retry', '0', 'BackoffRate']` for state `T`. */
function pathInState(pointer: string, state: string | undefined): string[] {
  if (state === undefined) return pointer.split('/').slice(1).map(unescape);
  const marker = `/States/${state.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const at = pointer.lastIndexOf(marker);
  if (at < 0) return [];
  return pointer
    .slice(at + marker.length)
    .split('/')
    .slice(1)
    .map(unescape);
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
