/**
 * A `States` object with its `StartAt` (top level, branch or processor): state names, each
 * state, transitions that must stay inside this object, a terminal state, and reachability.
 */
import type { MachineContext } from './context';
import { childSite, type Site, stateSite } from './diagnostics';
import { wrongType } from './field-checks';
import { isRecord, type JsonRecord } from './json-values';
import { checkState } from './state';
import { outgoingTransitions } from '../walk';
import { LIMITS } from '../limits';

interface Transition {
  target: string;
  site: Site;
}

/** The walker's transitions of `state` (`../walk`), each with the site of the field that names it. */
function transitionsAt(state: JsonRecord, site: Site): Transition[] {
  return outgoingTransitions(state).map(({ target, path }) => ({
    target,
    site: path.reduce<Site>((at, segment, i) => (typeof segment === 'number' ? childSite(at, segment, path[i - 1] as string) : childSite(at, segment)), site),
  }));
}

function isTerminal(state: JsonRecord): boolean {
  return state.Type === 'Succeed' || state.Type === 'Fail' || state.End === true;
}

/** Checks `machine.StartAt`/`machine.States`; `site` points at the object holding them. */
export function checkStates(context: MachineContext, site: Site, machine: JsonRecord): void {
  const sink = context.document.sink;
  const statesSite = childSite(site, 'States', 'States');
  const states = machine.States;
  if (states === undefined) return; // reported as a missing required field by the caller
  if (!isRecord(states)) {
    wrongType(sink, statesSite, 'an object (state name → state)', states);
    return;
  }
  const names = Object.keys(states);
  if (names.length === 0) {
    sink.error('MISSING_REQUIRED_FIELD', statesSite, `The field 'States' at ${statesSite.pointer || '/'} must contain at least one state.`);
    return;
  }
  const edges = new Map<string, string[]>();
  for (const name of names) {
    const site = stateSite(statesSite, name);
    checkStateName(context, site, name);
    const state = states[name];
    if (!isRecord(state)) {
      wrongType(sink, site, 'an object (a state)', state);
      edges.set(name, []);
      continue;
    }
    checkState(context, site, name, state);
    const transitions = transitionsAt(state, site);
    for (const transition of transitions) {
      if (!Object.prototype.hasOwnProperty.call(states, transition.target)) {
        sink.error(
          'MISSING_TRANSITION_TARGET',
          transition.site,
          `Missing 'Next' target: ${transition.target} (in state '${name}', field '${transition.site.field}'); name a state of the same 'States' object — transitions cannot enter or leave a Parallel branch or Map processor.`,
        );
      }
    }
    edges.set(name, transitions.map((t) => t.target));
  }
  const startAt = machine.StartAt;
  const startSite = childSite(site, 'StartAt');
  if (startAt !== undefined && typeof startAt !== 'string') {
    wrongType(sink, startSite, 'a state name', startAt);
    return;
  }
  if (typeof startAt === 'string' && !Object.prototype.hasOwnProperty.call(states, startAt)) {
    sink.error('MISSING_TRANSITION_TARGET', startSite, `Missing 'Next' target: ${startAt} (field 'StartAt'); StartAt must name one of: ${names.join(', ')}.`);
    return;
  }
  if (!names.some((name) => isRecord(states[name]) && isTerminal(states[name] as JsonRecord))) {
    // AWS reports only this when no state ends the workflow (it then skips the reachability walk).
    sink.error('MISSING_END_STATE', statesSite, `Workflow has no terminal state at ${statesSite.pointer}: add a Succeed or Fail state, or "End": true on a state.`);
    return;
  }
  if (typeof startAt === 'string') reportUnreachable(context, statesSite, startAt, edges);
}

function checkStateName(context: MachineContext, site: Site, name: string): void {
  const sink = context.document.sink;
  if (name.length === 0 || [...name].length > LIMITS.nameLength) {
    sink.error('INVALID_STATE_NAME', site, `The state name '${name}' must be 1 to ${LIMITS.nameLength} characters long.`);
  }
  const first = context.document.stateNames.get(name);
  if (first) {
    sink.error('DUPLICATE_STATE_NAME', site, `Duplicate State name: '${name}' is already used at ${first.pointer}; state names must be unique across the whole definition, including Parallel branches and Map processors.`);
  } else {
    context.document.stateNames.set(name, site);
  }
}

function reportUnreachable(context: MachineContext, statesSite: Site, startAt: string, edges: Map<string, string[]>): void {
  const reached = new Set<string>([startAt]);
  const queue = [startAt];
  while (queue.length > 0) {
    for (const target of edges.get(queue.pop()!) ?? []) {
      if (!reached.has(target) && edges.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  for (const name of edges.keys()) {
    if (!reached.has(name)) {
      context.document.sink.error(
        'UNREACHABLE_STATE',
        stateSite(statesSite, name),
        `State "${name}" is not reachable. No Next, Default, Choice rule or Catcher leads to it from StartAt; remove it or add a transition to it.`,
      );
    }
  }
}
