/**
 * Which coverage goals one execution reached, read from its history (AWS's format): states
 * entered, transitions (each `…StateEntered` walked back along `previousEventId` to the state it
 * came from), the Choice rule or Default taken, the catcher that caught, the retrier that retried.
 */
import type { ChoiceState, JsonPathChoiceRule, Retrier, Catcher } from '../asl/types';
import { prepareChoiceRule } from '../interpreter/choice';
import { errorMatches } from '../interpreter/error-handling/error-matching';
import { END, goalKey, START, type MachineModel } from './machine-model';

/**
 * A history event read loosely: rendered (AWS's shape, details under `…EventDetails`) or as the
 * interpreter records it (details under `details`, timestamp in epoch ms).
 */
export type Event = { id: number; previousEventId: number; type: string; timestamp: Date | number | string; details?: Record<string, unknown> } & Record<string, unknown>;

/** Events that start an attempt of a state: a second one in the same visit is a retry. */
const ATTEMPT_STARTS = new Set(['TaskScheduled', 'LambdaFunctionScheduled', 'ActivityScheduled', 'ParallelStateStarted', 'MapStateStarted']);
/** Events from which a branch or iteration starts its own walk. */
const FRAME_STARTS = new Set(['ExecutionStarted', 'ParallelStateStarted', 'MapIterationStarted', 'MapStateStarted']);

function details(event: Event): Record<string, unknown> | undefined {
  if (event.details !== undefined) return event.details;
  for (const key in event) if (key.endsWith('EventDetails')) return event[key] as Record<string, unknown>;
  return undefined;
}

function errorOf(event: Event): string | undefined {
  if (!/Failed$|TimedOut$/.test(event.type)) return undefined;
  const d = details(event);
  return typeof d?.error === 'string' ? d.error : event.type.endsWith('TimedOut') ? 'States.Timeout' : undefined;
}

const isEntered = (e: Event) => e.type.endsWith('StateEntered');
const isExited = (e: Event) => e.type.endsWith('StateExited');
const nameOf = (e: Event) => details(e)?.name as string;

/** Adds the goal keys this history reached to `into`. */
export function coveredGoals(events: readonly unknown[], model: MachineModel, into: Set<string>): void {
  const byId = new Map<number, Event>();
  for (const e of events as unknown as Event[]) byId.set(e.id, e);
  for (const event of events as unknown as Event[]) {
    if (isEntered(event)) {
      const name = nameOf(event);
      into.add(goalKey.state(name));
      enteredFrom(event, name, byId, model, into);
    } else if (isExited(event)) {
      const info = model.states.get(nameOf(event));
      const state = info?.state as { End?: boolean; Type: string } | undefined;
      if (state && (state.End === true || state.Type === 'Succeed')) into.add(goalKey.transition(nameOf(event), END));
    } else if (ATTEMPT_STARTS.has(event.type)) {
      retried(event, byId, model, into);
    }
    if (event.type === 'FailStateEntered') into.add(goalKey.transition(nameOf(event), END));
  }
}

function enteredFrom(event: Event, name: string, byId: Map<number, Event>, model: MachineModel, into: Set<string>): void {
  let from: string | undefined;
  let error: string | undefined;
  let firstAfterExit = true;
  let previous = event.previousEventId;
  while (previous > 0) {
    const e = byId.get(previous);
    if (!e) break;
    if (from === undefined) {
      if (isExited(e)) from = nameOf(e);
      else if (isEntered(e)) {
        from = nameOf(e);
        error = errorOf(e);
        break;
      } else if (FRAME_STARTS.has(e.type)) break;
    } else {
      // The event just before the previous state's exit says whether it failed (and was caught).
      if (firstAfterExit) error = errorOf(e);
      firstAfterExit = false;
      break;
    }
    previous = e.previousEventId;
  }
  if (from === undefined) {
    into.add(goalKey.transition(START, name));
    return;
  }
  into.add(goalKey.transition(from, name));
  const info = model.states.get(from);
  if (!info) return;
  const state = info.state;
  if (state.Type === 'Choice') {
    into.add(goalKey.choice(from, choiceTaken(state, name, byId, event)));
    return;
  }
  const catchers = (state as { Catch?: Catcher[] }).Catch;
  const next = (state as { Next?: string }).Next;
  if (!catchers || (next === name && error === undefined)) return;
  const candidates = catchers.map((c, i) => ({ c, i })).filter(({ c }) => c.Next === name);
  const caught = candidates.find(({ c }) => error !== undefined && errorMatches(c.ErrorEquals, error)) ?? candidates[0];
  if (caught) into.add(goalKey.catcher(from, caught.i));
}

/** The index of the Choice rule that sent the execution to `target` (evaluated when several rules share it), or `'Default'`. */
function choiceTaken(state: ChoiceState, target: string, byId: Map<number, Event>, entered: Event): number | 'Default' {
  const candidates: number[] = [];
  state.Choices.forEach((rule, i) => {
    if (rule.Next === target) candidates.push(i);
  });
  if (candidates.length === 0) return 'Default';
  if (candidates.length === 1 && state.Default !== target) return candidates[0];
  // Several rules (or a rule and the Default) lead to `target`: evaluate the JSONPath rules on the input.
  const choiceEntered = findChoiceEntered(entered, byId, state);
  if (choiceEntered !== undefined && state.InputPath === undefined && !('Condition' in state.Choices[0])) {
    for (let i = 0; i < state.Choices.length; i++) {
      try {
        const matches = prepareChoiceRule(state.Choices[i] as JsonPathChoiceRule)({ input: choiceEntered, context: {}, variable: () => undefined } as never);
        if (matches) return i;
      } catch {
        break;
      }
    }
    return state.Default === target ? 'Default' : candidates[0];
  }
  return candidates[0];
}

function findChoiceEntered(entered: Event, byId: Map<number, Event>, _state: ChoiceState): unknown {
  let previous = entered.previousEventId;
  for (let steps = 0; previous > 0 && steps < 4; steps++) {
    const e = byId.get(previous);
    if (!e) return undefined;
    if (e.type === 'ChoiceStateEntered') {
      const input = details(e)?.input;
      try {
        return typeof input === 'string' ? JSON.parse(input) : input;
      } catch {
        return undefined;
      }
    }
    previous = e.previousEventId;
  }
  return undefined;
}

/** A second attempt start in one state visit: a retrier fired; which one is decided by the error before it. */
function retried(event: Event, byId: Map<number, Event>, model: MachineModel, into: Set<string>): void {
  const enteredType = event.type === 'ParallelStateStarted' ? 'ParallelStateEntered' : event.type === 'MapStateStarted' ? 'MapStateEntered' : 'TaskStateEntered';
  let error: string | undefined;
  let previous = event.previousEventId;
  let sawAttempt = false;
  while (previous > 0) {
    const e = byId.get(previous);
    if (!e) return;
    if (e.type === enteredType) {
      if (!sawAttempt) return;
      const name = nameOf(e);
      const retry = (model.states.get(name)?.state as { Retry?: Retrier[] } | undefined)?.Retry;
      if (!retry) return;
      const index = retry.findIndex((r) => error === undefined || errorMatches(r.ErrorEquals, error));
      if (index >= 0) into.add(goalKey.retrier(name, index));
      return;
    }
    if (error === undefined) error = errorOf(e);
    if (e.type === event.type || (enteredType === 'TaskStateEntered' && ATTEMPT_STARTS.has(e.type))) sawAttempt = true;
    previous = e.previousEventId;
  }
}
