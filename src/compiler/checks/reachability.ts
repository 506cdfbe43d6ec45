import type { JsonObject, StateMachineDefinition } from '../../asl/types';
import type { StateNode } from '../../dsl/ast/states';
import type { DiagnosticSink } from '../diagnostics';

/**
 * Every state must be reachable from `StartAt` of its `States` object (AWS rejects unreachable
 * states). The layout only places reachable states, so this guards the compiler itself.
 */
export function checkReachability(definition: StateMachineDefinition, names: ReadonlyMap<string, StateNode>, sink: DiagnosticSink): void {
  visitScope(definition.StartAt, definition.States as unknown as Record<string, JsonObject>, names, sink);
}

function visitScope(startAt: string, states: Record<string, JsonObject>, names: ReadonlyMap<string, StateNode>, sink: DiagnosticSink): void {
  const reached = new Set<string>();
  const pending = [startAt];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (reached.has(name) || !(name in states)) continue;
    reached.add(name);
    pending.push(...transitionsOf(states[name]));
  }
  for (const [name, state] of Object.entries(states)) {
    if (!reached.has(name)) {
      sink.report(names.get(name), undefined, `State '${name}' is not reachable from '${startAt}'. Connect it with a transition or remove it.`);
    }
    for (const nested of nestedScopes(state)) visitScope(nested.StartAt as string, nested.States as Record<string, JsonObject>, names, sink);
  }
}

function transitionsOf(state: JsonObject): string[] {
  const targets: string[] = [];
  const add = (value: unknown) => typeof value === 'string' && targets.push(value);
  add(state.Next);
  add(state.Default);
  for (const rule of (state.Choices as JsonObject[] | undefined) ?? []) add(rule.Next);
  for (const catcher of (state.Catch as JsonObject[] | undefined) ?? []) add(catcher.Next);
  return targets;
}

function nestedScopes(state: JsonObject): JsonObject[] {
  const branches = (state.Branches as JsonObject[] | undefined) ?? [];
  const processor = state.ItemProcessor as JsonObject | undefined;
  return processor ? [...branches, processor] : branches;
}
