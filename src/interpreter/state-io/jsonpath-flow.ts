import type { Json, JsonObject } from '../../asl/types';
import { preparePayloadTemplate, type PayloadTemplate } from '../jsonpath/payload-template';
import { prepareRequiredPath } from '../jsonpath/read-path';
import { prepareResultPath, type ResultPlacer } from '../jsonpath/result-path';
import { borrowScope, StateScope } from '../engine/context-object';
import { assignVariables } from './assign-variables';
import type { CatcherDataFlow, StateDataFlow } from './data-flow';

/** The JSONPath fields of a state that take part in its data flow (absent ones are skipped). */
export interface JsonPathFields {
  InputPath?: string | null;
  Parameters?: Json;
  ResultSelector?: Json;
  ResultPath?: string | null;
  OutputPath?: string | null;
  Assign?: JsonObject;
}

type Selector = ((scope: StateScope) => Json) | undefined;

function prepareSelector(path: string | null | undefined): Selector {
  if (path === undefined || path === '$') return undefined;
  if (path === null) return () => ({});
  return prepareRequiredPath(path);
}

/**
 * Prepares a state's JSONPath pipeline. `$` in `Assign` is the raw result (Task/Map/Parallel), the
 * Pass result, or the effective input (Choice/Wait, whose "result" is their effective input).
 */
export function prepareJsonPathFlow(fields: JsonPathFields): StateDataFlow {
  const inputPath = prepareSelector(fields.InputPath);
  const parameters = fields.Parameters === undefined ? undefined : preparePayloadTemplate(fields.Parameters);
  const resultSelector = fields.ResultSelector === undefined ? undefined : preparePayloadTemplate(fields.ResultSelector);
  const placeResult = prepareResultPath(fields.ResultPath);
  const outputPath = prepareSelector(fields.OutputPath);
  const assign = fields.Assign === undefined ? undefined : preparePayloadTemplate(fields.Assign);

  return {
    enter(raw, frame, visit) {
      // Each step's evaluation is synchronous and over before the next: one borrowed scope serves all.
      let value = inputPath ? inputPath(borrowScope(raw, frame, visit)) : raw;
      const observe = frame.runtime.stateTest?.observe;
      observe?.('afterInputPath', value);
      if (parameters) value = parameters(borrowScope(value, frame, visit), frame.runtime.random);
      observe?.('afterParameters', value);
      return value;
    },
    leave(raw, result, frame, visit) {
      // A matched Choice rule replaces the state's Assign (null: the rule has none).
      const activeAssign = visit.assignOverride !== undefined ? (visit.assignOverride as PayloadTemplate | null) : assign;
      const resultScope = activeAssign || resultSelector ? borrowScope(result, frame, visit) : undefined;
      const assigned = activeAssign ? activeAssign(resultScope!, frame.runtime.random) : undefined;
      const selected = resultSelector ? resultSelector(resultScope!, frame.runtime.random) : result;
      const combined = placeResult(raw, selected);
      const observe = frame.runtime.stateTest?.observe;
      if (observe) {
        observe('result', result);
        observe('afterResultSelector', selected);
        observe('afterResultPath', combined);
      }
      const output = outputPath ? outputPath(borrowScope(combined, frame, visit)) : combined;
      if (assigned !== undefined) assignVariables(frame, visit, assigned);
      return output;
    },
  };
}

/** The Assign template of a Choice rule (prepared once). */
export function prepareJsonPathAssign(assign: JsonObject | undefined): PayloadTemplate | undefined {
  return assign === undefined ? undefined : preparePayloadTemplate(assign);
}

/** A Catcher under JSONPath: ResultPath places the error output into the raw input; Assign reads it as `$`. */
export function prepareJsonPathCatcherFlow(resultPath: string | null | undefined, assignTemplate: JsonObject | undefined): CatcherDataFlow {
  const place: ResultPlacer = prepareResultPath(resultPath);
  const assign = assignTemplate === undefined ? undefined : preparePayloadTemplate(assignTemplate);
  return {
    leave(raw, errorOutput, frame, visit) {
      const assigned = assign ? assign(new StateScope(errorOutput, frame, visit), frame.runtime.random) : undefined;
      const output = place(raw, errorOutput);
      if (assigned !== undefined) assignVariables(frame, visit, assigned);
      return output;
    },
  };
}
