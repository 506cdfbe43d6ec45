import type { Json } from '../../asl/types';
import type { Frame, Outcome, PreparedMachine, PreparedState } from './runtime';

/**
 * The step loop: runs states from `StartAt` until one ends the machine. Stays synchronous while
 * states return plain outcomes (Pass, Choice, Succeed with JSONPath); from the first state that
 * returns a promise on, it continues in an async loop (one loop, not a chain of promises).
 */
export function runMachine(machine: PreparedMachine, input: Json, frame: Frame): Json | Promise<Json> {
  let state: PreparedState = machine.start;
  let value = input;
  for (;;) {
    if (frame.abort.aborted) throw frame.abort.reason;
    const outcome = state.run(value, frame);
    if (outcome instanceof Promise) return continueAsync(outcome, frame);
    if (outcome.next === undefined) return outcome.output;
    state = outcome.next;
    value = outcome.output;
  }
}

async function continueAsync(pending: Promise<Outcome>, frame: Frame): Promise<Json> {
  let outcome = await pending;
  while (outcome.next !== undefined) {
    if (frame.abort.aborted) throw frame.abort.reason;
    const next = outcome.next.run(outcome.output, frame);
    outcome = next instanceof Promise ? await next : next;
  }
  return outcome.output;
}
