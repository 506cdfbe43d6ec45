import type { FailState, Json } from '../../asl/types';
import { prepareRequiredPath } from '../jsonpath/read-path';
import { queryEvaluationError, runtimeError, StatesError } from '../errors';
import { markLocated } from '../error-handling/locate-error';
import { StateScope } from '../engine/context-object';
import { StateRunner } from '../engine/state-runner';
import type { Frame, StateVisit } from '../engine/runtime';
import { prepareJsonataField, evaluateJsonataField, jsonataBindings } from '../state-io';
import { prepareIntrinsic } from '../intrinsics';
import type { StatePreparer } from './state-preparer';

type Resolve = (input: Json, frame: Frame, visit: StateVisit) => string | undefined | Promise<string | undefined>;

const IDENTITY_FLOW = {
  enter: (raw: Json) => raw,
  leave: (_raw: Json, result: Json) => result,
};

/** Fail: raises its Error/Cause (literal, path, intrinsic or JSONata); never exits. */
export const prepareFailState: StatePreparer<FailState> = (state, { name, queryLanguage }) => {
  const error = prepareFailField(state.Error, state.ErrorPath, 'Error', queryLanguage === 'JSONata');
  const cause = prepareFailField(state.Cause, state.CausePath, 'Cause', queryLanguage === 'JSONata');
  return new StateRunner({
    name,
    type: 'Fail',
    queryLanguage,
    flow: IDENTITY_FLOW,
    work: (input, frame, visit) => {
      const e = error(input, frame, visit);
      const c = cause(input, frame, visit);
      if (e instanceof Promise || c instanceof Promise) {
        return Promise.all([e, c]).then(([ee, cc]) => {
          throw failure(ee, cc);
        });
      }
      throw failure(e, c);
    },
    checkOutputSize: false,
    exits: false,
  });
};

function failure(error: string | undefined, cause: string | undefined): StatesError {
  return markLocated(new StatesError(error ?? null, cause));
}

function prepareFailField(literal: string | undefined, path: string | undefined, field: 'Error' | 'Cause', jsonata: boolean): Resolve {
  if (path !== undefined) {
    if (!path.startsWith('$')) {
      const call = prepareIntrinsic(path);
      return (input, frame, visit) => asString(call(new StateScope(input, frame, visit), frame.runtime.random), `${field}Path`);
    }
    const read = prepareRequiredPath(path);
    return (input, frame, visit) => {
      let value: Json;
      try {
        value = read(new StateScope(input, frame, visit));
      } catch {
        throw runtimeError(
          `The JSONPath '${path}' specified for the field '${field}Path' could not be found in the input '${JSON.stringify(input)}'`,
        );
      }
      return asString(value, `${field}Path`);
    };
  }
  if (literal === undefined) return () => undefined;
  if (!jsonata) return () => literal;
  const prepared = prepareJsonataField(literal, field);
  return (input, frame, visit) => {
    const value = evaluateJsonataField(prepared, () => jsonataBindings(frame, visit, input));
    return value instanceof Promise ? value.then((v) => asJsonataString(v, literal, field)) : asJsonataString(value, literal, field);
  };
}

function asString(value: Json, field: string): string {
  if (typeof value === 'string') return value;
  throw runtimeError(`The value of the field '${field}' must be a string, but was: ${JSON.stringify(value)}`);
}

function asJsonataString(value: Json, expression: string, field: string): string {
  if (typeof value === 'string') return value;
  throw queryEvaluationError(
    `The JSONata expression '${expression}' specified for the field '${field}' returned an unexpected result type. Expected 'string', but was '${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}' for value: ${JSON.stringify(value)}`,
  );
}
