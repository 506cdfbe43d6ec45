import type { NestedStateMachine, State, StateMachineDefinition } from '../../asl/types';
import { effectiveQueryLanguage } from '../../asl/walk';
import { prepareChoiceState } from '../states/choice-state';
import { prepareFailState } from '../states/fail-state';
import { prepareMapState } from '../states/map-state';
import { prepareParallelState } from '../states/parallel-state';
import { preparePassState } from '../states/pass-state';
import type { StatePrepareContext, StatePreparer } from '../states/state-preparer';
import { prepareSucceedState } from '../states/succeed-state';
import { prepareTaskState } from '../states/task-state';
import { prepareWaitState } from '../states/wait-state';
import type { PreparedMachine, PreparedState } from './runtime';
import type { StateRunner } from './state-runner';

const PREPARERS: Record<State['Type'], StatePreparer<never>> = {
  Pass: preparePassState,
  Task: prepareTaskState,
  Choice: prepareChoiceState,
  Wait: prepareWaitState,
  Succeed: prepareSucceedState,
  Fail: prepareFailState,
  Parallel: prepareParallelState,
  Map: prepareMapState,
};

/**
 * Prepares a (validated) definition once: every state, nested branches and item processors
 * included, becomes a runner with its paths, templates, rules and retriers prepared, and every
 * transition resolved to a reference. Running a state never parses anything.
 */
export function prepareDefinition(definition: StateMachineDefinition): PreparedMachine {
  return prepareMachine(definition, definition);
}

function prepareMachine(machine: NestedStateMachine, definition: StateMachineDefinition): PreparedMachine {
  const runners = new Map<string, StateRunner>();
  for (const [name, state] of Object.entries(machine.States)) {
    const context: StatePrepareContext = {
      name,
      queryLanguage: effectiveQueryLanguage(state.QueryLanguage, definition.QueryLanguage),
      prepareNested: (nested) => prepareMachine(nested, definition),
      definition,
    };
    const prepare = PREPARERS[state.Type] as StatePreparer<State>;
    if (!prepare) throw new Error(`State '${name}' has an unknown Type '${String(state.Type)}'.`);
    runners.set(name, prepare(state, context));
  }
  const states = runners as Map<string, PreparedState>;
  for (const [name, runner] of runners) {
    const state = machine.States[name] as { Next?: string };
    runner.link(state.Next, states);
  }
  const start = states.get(machine.StartAt);
  if (!start) throw new Error(`StartAt '${machine.StartAt}' names no state.`);
  return { start, states };
}
