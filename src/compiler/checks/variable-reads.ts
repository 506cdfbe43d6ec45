/**
 * Variable reads the workflow's graph rules out: a state reading `$name` when no state assigns
 * `name` (a typo, a forgotten `assign`), or before any state that assigns it can have run (the
 * assigning state comes later, sits in a sibling Parallel branch, or inside a Map iteration).
 * AWS accepts such a definition and fails the execution when the read runs (recorded case
 * `test_undefined_reference[BASE_UNDEFINED_OUTPUT]`: `States.QueryEvaluationError`, "… returned
 * nothing (undefined)"), so the compiler reports it, at the reading state's `file:line`.
 *
 * A read that only some paths leave unassigned (one Choice branch assigns, another does not) is
 * not reported: whether that path can be taken depends on the data, and compiler diagnostics fail
 * the build, so reporting it would reject workflows that are valid.
 *
 * When the workflow lists its `variables`, assigning a name it does not list is reported too.
 */
import { isDistributedMap, outgoingTransitions, walkStates, type Transition } from '../../asl/walk';
import type { NestedStateMachine, StateMachineDefinition } from '../../asl/types';
import type { StateNode } from '../../dsl/ast/states';
import type { WorkflowNode } from '../../dsl/ast/workflow';
import type { WorkflowDiagnostics } from '../diagnostics';

type AslState = Record<string, unknown>;

interface Located {
  readonly state: AslState;
  readonly scope: NestedStateMachine;
  readonly parent?: string;
}

const FAILS_ON_AWS =
  'AWS accepts the definition but fails the execution at that read (States.QueryEvaluationError in JSONata, States.Runtime in JSONPath)';

/** Reports reads of variables no state assigns (or assigns only after), and undeclared assignments. */
export function checkVariableReads(
  definition: StateMachineDefinition,
  workflow: WorkflowNode,
  names: ReadonlyMap<string, StateNode>,
  sink: WorkflowDiagnostics,
): void {
  const located = new Map<string, Located>();
  const assignedBy = new Map<string, string[]>();
  walkStates(definition, ({ name, state, scope, parent }) => {
    const asl = state as unknown as AslState;
    located.set(name, { state: asl, scope, ...(parent !== undefined && { parent }) });
    for (const variable of assignedAnywhereIn(asl)) assignedBy.set(variable, [...(assignedBy.get(variable) ?? []), name]);
  });

  if (workflow.variables) {
    const declared = new Set(workflow.variables);
    for (const [variable, states] of assignedBy) {
      if (declared.has(variable)) continue;
      for (const state of states) {
        sink.report(names.get(state), 'assign', `Assigns the variable '${variable}', which the workflow does not declare. Add it to workflow(..., { variables: { ${variable} } }) with variable<T>('${variable}'), or fix the name.`);
      }
    }
  }

  const reachability = new AssignmentReachability(located);
  for (const [name, node] of names) {
    if (!located.has(name)) continue;
    for (const variable of variableReads(node)) {
      const assigners = assignedBy.get(variable);
      if (!assigners) {
        sink.report(node, undefined, `Reads the variable $${variable}, but no state assigns it; ${FAILS_ON_AWS}. Assign it in a state that runs before '${name}' (assign: ...), or fix the name.`);
      } else if (!reachability.mayBeAssignedBefore(name, variable)) {
        sink.report(
          node,
          undefined,
          `Reads the variable $${variable} before any state that assigns it can run (it is assigned in ${assigners.map((s) => `'${s}'`).join(', ')}); ${FAILS_ON_AWS}. Assign it on the way to '${name}'. A variable assigned inside a Parallel branch or Map iteration is not visible outside it, and a distributed Map's iterations see no outer variables.`,
        );
      }
    }
  }
}

/** Answers "can `variable` have been assigned when `state` is first entered?", over the ASL graph. */
class AssignmentReachability {
  readonly #memo = new Map<string, boolean>();

  constructor(private readonly located: ReadonlyMap<string, Located>) {}

  mayBeAssignedBefore(target: string, variable: string): boolean {
    const key = `${target}\u0000${variable}`;
    let answer = this.#memo.get(key);
    if (answer === undefined) {
      this.#memo.set(key, false); // a cycle through parents cannot happen, but never loop
      answer = this.#search(target, variable);
      this.#memo.set(key, answer);
    }
    return answer;
  }

  /** Searches the scope from its start, tracking whether `variable` was assigned on the way, never passing through `target`. */
  #search(target: string, variable: string): boolean {
    const { scope, parent } = this.located.get(target)!;
    const inherited = parent !== undefined && this.#inheritsFrom(parent, variable);
    const start = scope.StartAt;
    if (start === target) return inherited;
    const seen = new Set<string>();
    const queue: [string, boolean][] = [[start, inherited]];
    while (queue.length > 0) {
      const [name, assigned] = queue.pop()!;
      const key = `${name}\u0000${assigned}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const state = scope.States[name] as unknown as AslState | undefined;
      if (!state) continue;
      for (const transition of outgoingTransitions(state)) {
        const after = assigned || assignsOn(state, transition).has(variable);
        if (transition.target === target) {
          if (after) return true;
        } else {
          queue.push([transition.target, after]);
        }
      }
    }
    return false;
  }

  /** What a branch or iteration of `parent` sees: the outer variables as of its entry (none for a distributed Map). */
  #inheritsFrom(parent: string, variable: string): boolean {
    const state = this.located.get(parent)?.state;
    if (!state || isDistributedMap(state)) return false;
    return this.mayBeAssignedBefore(parent, variable);
  }
}

/** The names one transition assigns: a Choice rule's or Catcher's own `Assign`, else the state's. */
function assignsOn(state: AslState, transition: Transition): Set<string> {
  const [list, index] = transition.path;
  if ((list === 'Choices' || list === 'Catch') && typeof index === 'number') {
    const handler = (state[list] as AslState[] | undefined)?.[index];
    return new Set(assignNames(handler?.Assign));
  }
  return new Set(assignNames(state.Assign));
}

function assignedAnywhereIn(state: AslState): string[] {
  const handlers = ['Choices', 'Catch'].flatMap((list) => (Array.isArray(state[list]) ? (state[list] as AslState[]) : []));
  return [...new Set([...assignNames(state.Assign), ...handlers.flatMap((handler) => assignNames(handler?.Assign))])];
}

/** `Assign` keys as variable names (`"total.$"` assigns `total` in JSONPath). */
function assignNames(assign: unknown): string[] {
  if (typeof assign !== 'object' || assign === null || Array.isArray(assign)) return [];
  return Object.keys(assign).map((key) => (key.endsWith('.$') ? key.slice(0, -2) : key));
}

/**
 * The variables a state node reads (`variable<T>(name)` paths in any of its fields), not those of
 * the states nested in it (branches, processors, targets: they are states of their own). An
 * `isPresent(variable)` test is not a read: it asks whether the variable exists.
 */
export function variableReads(node: StateNode): Set<string> {
  const reads = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (record.kind === 'chain') return;
    if (record.kind === 'path' && record.root === 'variable' && typeof record.variable === 'string') reads.add(record.variable);
    if (record.kind === 'compare' && record.operator === 'IsPresent') {
      visit(record.operand);
      return;
    }
    // `resultSchema` holds a zod schema (not emitted, no variables in it).
    for (const [key, member] of Object.entries(record)) if (key !== 'source' && key !== 'resultSchema') visit(member);
  };
  visit(node);
  return reads;
}
