import type { NestedStateMachine, State, StateMachineDefinition } from '../../asl/types';
import { effectiveQueryLanguage } from '../../asl/walk';
import { compileChoiceState } from '../states/choice-state';
import { compileFailState } from '../states/fail-state';
import { compileMapState } from '../states/map-state';
import { compileParallelState } from '../states/parallel-state';
import { compilePassState } from '../states/pass-state';
import type { StateCompileContext, StateCompiler } from '../states/state-compiler';
import { compileSucceedState } from '../states/succeed-state';
import { compileTaskState } from '../states/task-state';
import { compileWaitState } from '../states/wait-state';
import type { PreparedMachine, PreparedState } from './runtime';
import type { StateRunner } from './state-runner';

const COMPILERS: Record<State['Type'], StateCompiler<never>> = {
  Pass: compilePassState,
  Task: compileTaskState,
  Choice: compileChoiceState,
  Wait: compileWaitState,
  Succeed: compileSucceedState,
  Fail: compileFailState,
  Parallel: compileParallelState,
  Map: compileMapState,
};

/**
 * Compiles a (validated) definition once: every state, nested branches and item processors
 * included, becomes a runner with its paths, templates, rules and retriers compiled, and every
 * transition resolved to a reference. Running a state never parses anything.
 */
export function prepareDefinition(definition: StateMachineDefinition): PreparedMachine {
  return prepareMachine(definition, definition);
}

function prepareMachine(machine: NestedStateMachine, definition: StateMachineDefinition): PreparedMachine {
  const runners = new Map<string, StateRunner>();
  for (const [name, state] of Object.entries(machine.States)) {
    const context: StateCompileContext = {
      name,
      queryLanguage: effectiveQueryLanguage(state.QueryLanguage, definition.QueryLanguage),
      prepareNested: (nested) => prepareMachine(nested, definition),
      definition,
    };
    const compile = COMPILERS[state.Type] as StateCompiler<State>;
    if (!compile) throw new Error(`State '${name}' has an unknown Type '${String(state.Type)}'.`);
    runners.set(name, compile(state, context));
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
