import type { Json } from '../../asl/types';
import type { Clock } from '../clock/clock';
import type { Frame, StateVisit } from '../engine/runtime';
import { StateScope } from '../engine/context-object';
import { prepareJsonataTemplate, type JsonataBindings } from '../jsonata';

/** A JSONata-capable field prepared once: a constant, or an async evaluation over `$states` and variables. */
export interface JsonataField {
  constant: boolean;
  value: Json;
  evaluate(bindings: JsonataBindings): Promise<Json>;
}

/** Prepares a JSONata field value (any JSON with `{% %}` strings at any depth). */
export function prepareJsonataField(value: Json, field: string): JsonataField {
  const prepared = prepareJsonataTemplate(value, field);
  return {
    constant: Boolean(prepared.constant),
    value,
    evaluate: (bindings) => prepared.evaluate(bindings),
  };
}

/** The evaluation bindings of a state visit. */
export function jsonataBindings(
  frame: Frame,
  visit: StateVisit,
  input: Json,
  extra?: { result?: Json; errorOutput?: Json },
): JsonataBindings {
  const states: JsonataBindings['states'] = { input, context: new StateScope(input, frame, visit).context };
  if (extra?.result !== undefined) states.result = extra.result;
  if (extra?.errorOutput !== undefined) states.errorOutput = extra.errorOutput;
  return { states, variables: frame.variables, random: frame.runtime.random, clock: clockReader(frame.runtime.clock) };
}

// `$now()`/`$millis()` read the execution's clock (virtual by default), not the host's; one reader per clock.
const clockReaders = new WeakMap<Clock, () => number>();

function clockReader(clock: Clock): () => number {
  let reader = clockReaders.get(clock);
  if (!reader) {
    reader = () => clock.now();
    clockReaders.set(clock, reader);
  }
  return reader;
}

/** Evaluates a field: constants synchronously, expressions asynchronously. */
export function evaluateJsonataField(field: JsonataField, bindings: () => JsonataBindings): Json | Promise<Json> {
  return field.constant ? field.value : field.evaluate(bindings());
}
