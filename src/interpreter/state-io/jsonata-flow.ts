import type { Json, JsonObject } from '../../asl/types';
import type { Frame, StateVisit } from '../engine/runtime';
import { assignVariables } from './assign-variables';
import type { CatcherDataFlow, StateDataFlow } from './data-flow';
import { prepareJsonataField, evaluateJsonataField, jsonataBindings, type JsonataField } from './jsonata-field';

/** The JSONata fields of a state that take part in its data flow. */
export interface JsonataFields {
  Arguments?: Json;
  Output?: Json;
  Assign?: JsonObject;
}

/**
 * Prepares a state's JSONata pipeline. `Output` (default: the result, which for Pass/Wait/Choice/
 * Succeed is the input) and `Assign` are evaluated independently from the same bindings, before
 * any variable changes.
 */
export function prepareJsonataFlow(fields: JsonataFields): StateDataFlow {
  const args = fields.Arguments === undefined ? undefined : prepareJsonataField(fields.Arguments, 'Arguments');
  const output = fields.Output === undefined ? undefined : prepareJsonataField(fields.Output, 'Output');
  const assign = fields.Assign === undefined ? undefined : prepareJsonataField(fields.Assign, 'Assign');
  return {
    enter(raw, frame, visit) {
      const effective = args ? evaluateJsonataField(args, () => jsonataBindings(frame, visit, raw)) : raw;
      const observe = frame.runtime.stateTest?.observe;
      if (!observe) return effective;
      if (effective instanceof Promise) return effective.then((e) => (observe('afterArguments', e), e));
      observe('afterArguments', effective);
      return effective;
    },
    leave(raw, result, frame, visit) {
      frame.runtime.stateTest?.observe?.('result', result);
      // A matched Choice rule replaces the state's Output/Assign (null: the rule has none).
      const activeOutput = visit.outputOverride !== undefined ? (visit.outputOverride as JsonataField | null) : output;
      const activeAssign = visit.assignOverride !== undefined ? (visit.assignOverride as JsonataField | null) : assign;
      return finish(frame, visit, raw, { result }, result, activeOutput, activeAssign);
    },
  };
}

/**
 * A Catcher under JSONata: `Output` (default: the error output) and `Assign` see `$states.errorOutput`.
 * `location` names the catcher in failures as AWS does (`Catch[0]` → field `Catch[0]/Output`).
 */
export function prepareJsonataCatcherFlow(
  outputValue: Json | undefined,
  assignValue: JsonObject | undefined,
  location: string,
): CatcherDataFlow {
  const output = outputValue === undefined ? undefined : prepareJsonataField(outputValue, `${location}/Output`);
  const assign = assignValue === undefined ? undefined : prepareJsonataField(assignValue, `${location}/Assign`);
  return {
    leave(raw, errorOutput, frame, visit) {
      return finish(frame, visit, raw, { errorOutput }, errorOutput, output, assign);
    },
  };
}

function finish(
  frame: Frame,
  visit: StateVisit,
  raw: Json,
  extra: { result?: Json; errorOutput?: Json },
  fallback: Json,
  output: JsonataField | null | undefined,
  assign: JsonataField | null | undefined,
): Json | Promise<Json> {
  const bindings = () => jsonataBindings(frame, visit, raw, extra);
  const out = output ? evaluateJsonataField(output, bindings) : fallback;
  const assigned = assign ? evaluateJsonataField(assign, bindings) : undefined;
  if (out instanceof Promise || assigned instanceof Promise) {
    return Promise.all([out, assigned]).then(([o, a]) => {
      if (a !== undefined) assignVariables(frame, visit, a);
      return o;
    });
  }
  if (assigned !== undefined) assignVariables(frame, visit, assigned);
  return out;
}
