import type { JsonObject } from '../../asl/types';
import type { ChainNode } from '../../dsl/ast/chain';
import type { StateNode } from '../../dsl/ast/states';
import type { WorkflowNode } from '../../dsl/ast/workflow';
import type { WorkflowDiagnostics } from '../diagnostics';
import { layoutScope } from '../graph/layout';
import { stateLanguage } from './state-context';
import { emitState } from './state';

/** Emits `{ StartAt, States }` for a chain (the top level, a branch, a Map processor), recursively. */
export function emitScope(
  chain: ChainNode,
  workflow: WorkflowNode,
  sink: WorkflowDiagnostics,
  names: Map<string, StateNode>,
): { StartAt: string; States: JsonObject } {
  const layout = layoutScope(chain, sink, names);
  const nested = (inner: ChainNode) => emitScope(inner, workflow, sink, names);
  const States: JsonObject = {};
  for (const placed of layout.states) {
    const context = { workflow, sink, state: placed.node, language: stateLanguage(workflow, placed.node), names };
    States[placed.node.name] = emitState(placed, layout, context, nested);
  }
  return { StartAt: layout.startAt ?? '', States };
}
