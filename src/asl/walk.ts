/**
 * The one walk over a state machine's states, shared by the validator, the compiler's checks, IAM
 * and the interpreter's preparation: which query language applies to a state, which child
 * machines a state holds (Parallel `Branches`, Map `ItemProcessor` or the older `Iterator`), which
 * states a state can move to, and a visit of every state with its scope.
 */
import type { NestedStateMachine, QueryLanguage, State } from './types';

/**
 * The query language in force for a state: its own `QueryLanguage`, else the top-level one, else
 * JSONPath. Nested states default to the top-level language, not the enclosing state's (ASL spec,
 * "QueryLanguage"). Accepts unchecked values: anything but `JSONata`/`JSONPath` is ignored.
 *
 * @example
 * effectiveQueryLanguage(undefined, 'JSONata'); // 'JSONata'
 * effectiveQueryLanguage('JSONPath', 'JSONata'); // 'JSONPath'
 */
export function effectiveQueryLanguage(own: unknown, topLevel?: unknown): QueryLanguage {
  if (own === 'JSONata' || own === 'JSONPath') return own;
  return topLevel === 'JSONata' ? 'JSONata' : 'JSONPath';
}

/** A child machine of a state, and where it sits in the state (`['Branches', 0]`, `['ItemProcessor']`). */
export interface ChildMachine {
  machine: NestedStateMachine;
  path: (string | number)[];
}

/** The machines a state holds: each Parallel branch, the Map's `ItemProcessor` (or legacy `Iterator`). */
export function childMachines(state: unknown): ChildMachine[] {
  if (!isObject(state)) return [];
  if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
    return state.Branches.flatMap((branch, index) => (isObject(branch) ? [{ machine: branch as unknown as NestedStateMachine, path: ['Branches', index] }] : []));
  }
  if (state.Type === 'Map') {
    const key = isObject(state.ItemProcessor) ? 'ItemProcessor' : isObject(state.Iterator) ? 'Iterator' : undefined;
    return key ? [{ machine: state[key] as unknown as NestedStateMachine, path: [key] }] : [];
  }
  return [];
}

/** Whether `state` is a Map whose processor runs as child executions (`ProcessorConfig.Mode: DISTRIBUTED`). */
export function isDistributedMap(state: unknown): boolean {
  if (!isObject(state) || state.Type !== 'Map') return false;
  const processor = childMachines(state)[0]?.machine as { ProcessorConfig?: { Mode?: unknown } } | undefined;
  return processor?.ProcessorConfig?.Mode === 'DISTRIBUTED';
}

/** One transition: the target state's name and the field that names it (`['Catch', 0, 'Next']`). */
export interface Transition {
  target: string;
  path: (string | number)[];
}

/** Every state name `state` can move to: `Next`, `Default`, each Choice rule's and Catcher's `Next`. */
export function outgoingTransitions(state: unknown): Transition[] {
  if (!isObject(state)) return [];
  const transitions: Transition[] = [];
  const add = (target: unknown, path: (string | number)[]) => {
    if (typeof target === 'string') transitions.push({ target, path });
  };
  add(state.Next, ['Next']);
  add(state.Default, ['Default']);
  for (const list of ['Choices', 'Catch'] as const) {
    const handlers = state[list];
    if (!Array.isArray(handlers)) continue;
    handlers.forEach((handler, index) => {
      if (isObject(handler)) add(handler.Next, [list, index, 'Next']);
    });
  }
  return transitions;
}

/** A state reached by {@link walkStates}. */
export interface VisitedState {
  name: string;
  state: State;
  /** The query language in force for the state. */
  queryLanguage: QueryLanguage;
  /** The `States` object that holds it (its scope: transitions stay inside it). */
  scope: NestedStateMachine;
  /** JSON pointer segments from the document root to the state (`['States', 'P', 'Branches', 0, 'States', 'X']`). */
  path: (string | number)[];
  /** The state holding this one's scope (undefined at top level). */
  parent?: string;
}

/**
 * Visits every state in definition order, descending into Parallel branches and Map processors
 * (`ItemProcessor` or `Iterator`) right after the state that holds them. Tolerates malformed input
 * (non-object states or scopes are skipped), so it can run before validation.
 *
 * @example
 * walkStates(definition, ({ name, queryLanguage }) => console.log(name, queryLanguage));
 */
export function walkStates(definition: { States?: unknown; QueryLanguage?: unknown }, visit: (visited: VisitedState) => void): void {
  const topLevel = effectiveQueryLanguage(definition.QueryLanguage);
  const walk = (machine: NestedStateMachine, path: (string | number)[], parent: string | undefined): void => {
    if (!isObject(machine.States)) return;
    for (const [name, state] of Object.entries(machine.States)) {
      if (!isObject(state)) continue;
      const statePath = [...path, 'States', name];
      visit({ name, state: state as unknown as State, queryLanguage: effectiveQueryLanguage(state.QueryLanguage, topLevel), scope: machine, path: statePath, parent });
      for (const child of childMachines(state)) walk(child.machine, [...statePath, ...child.path], name);
    }
  };
  walk(definition as NestedStateMachine, [], undefined);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
