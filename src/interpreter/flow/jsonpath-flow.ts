import type { Json, JsonObject } from '../../asl/types';
import { compilePayloadTemplate, type PayloadTemplate } from '../data/payload-template';
import { compileRequiredPath } from '../data/read-path';
import { compileResultPath, type ResultPlacer } from '../data/result-path';
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

function compileSelector(path: string | null | undefined): Selector {
  if (path === undefined || path === '$') return undefined;
  if (path === null) return () => ({});
  return compileRequiredPath(path);
}

/**
 * Compiles a state's JSONPath pipeline. `$` in `Assign` is the raw result (Task/Map/Parallel), the
 * Pass result, or the effective input (Choice/Wait, whose "result" is their effective input).
 */
export function compileJsonPathFlow(fields: JsonPathFields): StateDataFlow {
  const inputPath = compileSelector(fields.InputPath);
  const parameters = fields.Parameters === undefined ? undefined : compilePayloadTemplate(fields.Parameters);
  const resultSelector = fields.ResultSelector === undefined ? undefined : compilePayloadTemplate(fields.ResultSelector);
  const placeResult = compileResultPath(fields.ResultPath);
  const outputPath = compileSelector(fields.OutputPath);
  const assign = fields.Assign === undefined ? undefined : compilePayloadTemplate(fields.Assign);

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

/** The Assign template of a Choice rule (compiled once). */
export function compileJsonPathAssign(assign: JsonObject | undefined): PayloadTemplate | undefined {
  return assign === undefined ? undefined : compilePayloadTemplate(assign);
}

/** A Catcher under JSONPath: ResultPath places the error output into the raw input; Assign reads it as `$`. */
export function compileJsonPathCatcherFlow(resultPath: string | null | undefined, assignTemplate: JsonObject | undefined): CatcherDataFlow {
  const place: ResultPlacer = compileResultPath(resultPath);
  const assign = assignTemplate === undefined ? undefined : compilePayloadTemplate(assignTemplate);
  return {
    leave(raw, errorOutput, frame, visit) {
      const assigned = assign ? assign(new StateScope(errorOutput, frame, visit), frame.runtime.random) : undefined;
      const output = place(raw, errorOutput);
      if (assigned !== undefined) assignVariables(frame, visit, assigned);
      return output;
    },
  };
}
