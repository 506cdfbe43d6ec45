import type { Json, MapState } from '../../../asl/types';
import { compilePath, MISSING } from '../../data/evaluate-path';
import { compilePayloadTemplate } from '../../data/payload-template';
import { missingPathDetail } from '../../data/read-path';
import { queryEvaluationError, runtimeError } from '../../errors';
import { StateScope } from '../../engine/context-object';
import type { Frame, StateVisit } from '../../engine/runtime';
import { compileJsonataField, evaluateJsonataField, jsonataBindings } from '../../flow';
import { jsonTypeName, unexpectedResultTypeError } from '../../jsonata';

/** Reads the items a Map iterates over from its effective input (ItemsPath / Items). */
export type ReadItems = (effective: Json, frame: Frame, visit: StateVisit) => Json[] | Promise<Json[]>;
/** Builds one iteration's input (ItemSelector / Parameters; default the item). */
export type SelectItem = (effective: Json, item: Json, index: number, frame: Frame, visit: StateVisit) => Json | Promise<Json>;

export function compileReadItems(state: MapState, jsonata: boolean): ReadItems {
  if (jsonata) {
    if (state.Items === undefined) {
      return (effective) => {
        if (Array.isArray(effective)) return effective;
        throw queryEvaluationError(`Map state input must be an array but was: ${JSON.stringify(effective)}`);
      };
    }
    const field = compileJsonataField(state.Items, 'Items');
    const expression = typeof state.Items === 'string' ? state.Items.slice(2, -2).trim() : JSON.stringify(state.Items);
    const check = (value: Json): Json[] => {
      if (Array.isArray(value)) return value;
      throw unexpectedResultTypeError(expression, 'Items', 'array', value);
    };
    return (effective, frame, visit) => {
      const value = evaluateJsonataField(field, () => jsonataBindings(frame, visit, effective));
      return value instanceof Promise ? value.then(check) : check(value);
    };
  }
  const path = state.ItemsPath ?? '$';
  const read = compilePath(path);
  return (effective, frame, visit) => {
    const scope = new StateScope(effective, frame, visit);
    const value = read(scope);
    if (value === MISSING) throw runtimeError(`Invalid path '${path}' : ${missingPathDetail(path, scope)}`);
    if (!Array.isArray(value)) {
      throw runtimeError(`The ItemsPath '${path}' must reference a JSON array, but the value there is: ${JSON.stringify(value)} (${jsonTypeName(value)}).`);
    }
    return value;
  };
}

export function compileSelectItem(state: MapState, jsonata: boolean): SelectItem {
  const selector = state.ItemSelector ?? (jsonata ? undefined : state.Parameters);
  if (selector === undefined) return (_effective, item) => item;
  if (jsonata) {
    const field = compileJsonataField(selector, 'ItemSelector');
    return (effective, item, index, frame, visit) => {
      visit.mapItem = { Index: index, Value: item };
      const bindings = jsonataBindings(frame, visit, effective);
      visit.mapItem = undefined;
      return evaluateJsonataField(field, () => bindings);
    };
  }
  const template = compilePayloadTemplate(selector);
  return (effective, item, index, frame, visit) => {
    visit.mapItem = { Index: index, Value: item };
    const scope = new StateScope(effective, frame, visit);
    try {
      return template(scope, frame.runtime.random);
    } finally {
      visit.mapItem = undefined;
    }
  };
}
