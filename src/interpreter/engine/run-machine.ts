import type { Json } from '../../asl/types';
import { releaseVisit, type Frame, type PreparedMachine, type PreparedState } from './runtime';
import type { VisitRecord } from './state-visit';

/**
 * The step loop: runs states from `StartAt` (or `from`: a redrive) until one ends the machine. Stays synchronous while
 * states return plain outcomes (Pass, Choice, Succeed with JSONPath); from the first state that
 * returns a promise on, it continues in an async loop (one loop, not a chain of promises).
 * A visit that finished synchronously is released for the next state to reuse.
 */
export function runMachine(machine: PreparedMachine, input: Json, frame: Frame, from: PreparedState = machine.start): Json | Promise<Json> {
  let state: PreparedState = from;
  let value = input;
  for (;;) {
    if (frame.abort.aborted) throw frame.abort.reason;
    const visit = state.run(value, frame);
    if (visit instanceof Promise) return continueAsync(visit, frame);
    const next = visit.next;
    value = visit.output;
    releaseVisit(frame, visit);
    if (next === undefined) return value;
    state = next;
  }
}

async function continueAsync(pending: Promise<VisitRecord>, frame: Frame): Promise<Json> {
  const first = await pending;
  let state = first.next;
  let value = first.output;
  while (state !== undefined) {
    if (frame.abort.aborted) throw frame.abort.reason;
    const running = state.run(value, frame);
    const visit = running instanceof Promise ? await running : running;
    state = visit.next;
    value = visit.output;
    if (!(running instanceof Promise)) releaseVisit(frame, visit);
  }
  return value;
}
