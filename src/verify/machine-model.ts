/**
 * What verify needs to know statically about one definition: its states (with whether they run
 * inside a Parallel branch or Map iteration), its resources, and the coverage goals (states,
 * transitions, Choice rules and Defaults, catchers, retriers). Walks with the shared walker.
 */
import type { Catcher, ChoiceState, NestedStateMachine, Retrier, State, StateMachineDefinition } from '../asl/types';
import { walkStates } from '../asl/walk';

/** The pseudo state a machine (or branch / iteration) starts from and ends in. */
export const START = '(start)';
export const END = '(end)';

export interface StateInfo {
  name: string;
  state: State;
  /** Inside a Parallel branch or a Map processor. */
  concurrent: boolean;
}

export interface MachineModel {
  definition: StateMachineDefinition;
  states: Map<string, StateInfo>;
  resources: Set<string>;
  /** Coverage goals by key (see `goalKey`), with a readable label. */
  goals: Map<string, string>;
  /** States reachable from some StartAt. */
  reachable: Set<string>;
}

export const goalKey = {
  state: (s: string) => `s\u0000${s}`,
  transition: (from: string, to: string) => `t\u0000${from}\u0000${to}`,
  choice: (s: string, i: number | 'Default') => `c\u0000${s}\u0000${i}`,
  catcher: (s: string, i: number) => `k\u0000${s}\u0000${i}`,
  retrier: (s: string, i: number) => `r\u0000${s}\u0000${i}`,
};

export type GoalKind = 'states' | 'transitions' | 'choiceRules' | 'catchers' | 'retries';
const KIND_BY_PREFIX: Record<string, GoalKind> = { s: 'states', t: 'transitions', c: 'choiceRules', k: 'catchers', r: 'retries' };
export function goalKind(key: string): GoalKind {
  return KIND_BY_PREFIX[key[0]];
}

export function buildMachineModel(definition: StateMachineDefinition): MachineModel {
  const states = new Map<string, StateInfo>();
  const resources = new Set<string>();
  const goals = new Map<string, string>();
  const reachable = new Set<string>();
  // Every machine (top level, branches, Map processors) in definition order, then its states.
  const scopes = new Set<NestedStateMachine>([definition]);
  const visited: { name: string; state: State }[] = [];
  walkStates(definition, ({ name, state, scope, parent }) => {
    scopes.add(scope);
    visited.push({ name, state });
    states.set(name, { name, state, concurrent: parent !== undefined });
  });
  for (const machine of scopes) {
    collectReachable(machine, reachable);
    goals.set(goalKey.transition(START, machine.StartAt), `transition start → '${machine.StartAt}'`);
  }
  for (const { name, state } of visited) {
    goals.set(goalKey.state(name), `state '${name}'`);
    if (state.Type === 'Task') resources.add(state.Resource);
    for (const [to, label] of successors(state)) goals.set(goalKey.transition(name, to), `transition '${name}' → ${to === END ? 'end' : `'${to}'`}${label}`);
    if (state.Type === 'Choice') {
      state.Choices.forEach((rule, i) => goals.set(goalKey.choice(name, i), `Choice rule #${i + 1} of '${name}' (→ '${rule.Next}')`));
      if (state.Default !== undefined) goals.set(goalKey.choice(name, 'Default'), `Default of '${name}' (→ '${state.Default}')`);
    }
    const handling = state as { Retry?: Retrier[]; Catch?: Catcher[] };
    handling.Catch?.forEach((c, i) => goals.set(goalKey.catcher(name, i), `catcher #${i + 1} of '${name}' (${c.ErrorEquals.join(', ')} → '${c.Next}')`));
    handling.Retry?.forEach((r, i) => goals.set(goalKey.retrier(name, i), `retrier #${i + 1} of '${name}' (${r.ErrorEquals.join(', ')})`));
  }
  return { definition, states, resources, goals, reachable };
}

/** Where a state can go next, with a note on why (for messages). */
export function successors(state: State): [string, string][] {
  const out: [string, string][] = [];
  const next = (state as { Next?: string }).Next;
  if (next !== undefined) out.push([next, '']);
  if ((state as { End?: boolean }).End === true || state.Type === 'Succeed' || state.Type === 'Fail') out.push([END, '']);
  if (state.Type === 'Choice') {
    const choice = state as ChoiceState;
    for (const rule of choice.Choices) if (rule.Next !== undefined) out.push([rule.Next as string, ' (Choice rule)']);
    if (choice.Default !== undefined) out.push([choice.Default, ' (Default)']);
  }
  for (const c of (state as { Catch?: Catcher[] }).Catch ?? []) out.push([c.Next, ' (Catch)']);
  return out;
}

function collectReachable(machine: NestedStateMachine, into: Set<string>): void {
  const pending = [machine.StartAt];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (into.has(name)) continue;
    const state = machine.States?.[name];
    if (!state) continue;
    into.add(name);
    for (const [to] of successors(state)) if (to !== END) pending.push(to);
  }
}
