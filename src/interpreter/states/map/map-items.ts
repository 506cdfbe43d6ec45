import type { Json, JsonObject, MapState } from '../../../asl/types';
import { preparePath, MISSING } from '../../jsonpath/evaluate-path';
import { preparePayloadTemplate } from '../../jsonpath/payload-template';
import { missingPathDetail } from '../../jsonpath/read-path';
import { queryEvaluationError, runtimeError } from '../../errors';
import { StateScope } from '../../engine/context-object';
import type { Frame, StateVisit } from '../../engine/runtime';
import { prepareJsonataField, evaluateJsonataField, jsonataBindings } from '../../state-io';
import { unexpectedResultTypeError } from '../../jsonata';

/**
 * What a Map iterates over. For a JSON array `values` are its elements and `keys` is absent; for
 * a JSON object (Distributed Map only) `values` are the member values and `keys` their names, in
 * the same order.
 */
export interface MapItems {
  values: Json[];
  keys: string[] | undefined;
}

/** Reads the items a Map iterates over from its effective input (ItemsPath / Items). */
export type ReadItems = (effective: Json, frame: Frame, visit: StateVisit) => MapItems | Promise<MapItems>;

/** Where an item sits, for `$$.Map.Item` (`Key` for object members, `Source` in a Distributed Map). */
export interface ItemPlace {
  index: number;
  key?: string;
  source?: string;
}

/** Builds one iteration's input (ItemSelector / Parameters; default the item, or `{Key, Value}` for an object member). */
export type SelectItem = (effective: Json, item: Json, place: ItemPlace, frame: Frame, visit: StateVisit) => Json | Promise<Json>;

/**
 * Prepares ItemsPath (JSONPath) / Items (JSONata). The items must be a JSON array; a Distributed
 * Map (`acceptsObjects`) may also iterate over a JSON object, one iteration per member (DG
 * "ItemsPath", "Map state input and output fields"). An Inline Map given an object fails as
 * recorded on AWS (JSONata: "Expected 'array', but was 'object'"; "Map state input must be an
 * array but was: {...}").
 */
export function prepareReadItems(state: MapState, jsonata: boolean, acceptsObjects: boolean): ReadItems {
  const itemsOf = (value: Json): MapItems | undefined => {
    if (Array.isArray(value)) return { values: value, keys: undefined };
    if (acceptsObjects && isObject(value)) return { values: Object.values(value), keys: Object.keys(value) };
    return undefined;
  };
  if (jsonata) {
    if (state.Items === undefined) {
      return (effective) => {
        const items = itemsOf(effective);
        if (items) return items;
        throw queryEvaluationError(`Map state input must be an array but was: ${JSON.stringify(effective)}`);
      };
    }
    const field = prepareJsonataField(state.Items, 'Items');
    const expression = typeof state.Items === 'string' ? state.Items.slice(2, -2).trim() : JSON.stringify(state.Items);
    const check = (value: Json): MapItems => {
      const items = itemsOf(value);
      if (items) return items;
      throw unexpectedResultTypeError(expression, 'Items', 'array', value);
    };
    return (effective, frame, visit) => {
      const value = evaluateJsonataField(field, () => jsonataBindings(frame, visit, effective));
      return value instanceof Promise ? value.then(check) : check(value);
    };
  }
  const path = state.ItemsPath ?? '$';
  const read = preparePath(path);
  return (effective, frame, visit) => {
    const scope = new StateScope(effective, frame, visit);
    const value = read(scope);
    if (value === MISSING) throw runtimeError(`Invalid path '${path}' : ${missingPathDetail(path, scope)}`);
    const items = itemsOf(value);
    if (items) return items;
    // AWS's wording (asl-reference §8.1); a context path is shown without its first `$`
    // (recorded by TestState: ItemsPath "$$.Execution.Input" → 'Reference path "$.Execution.Input" ...').
    throw runtimeError(`Reference path "${path.startsWith('$$') ? path.slice(1) : path}" must point to array.`);
  };
}

function isObject(value: Json): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `$$.Map.Item` while the ItemSelector is evaluated. */
function mapItemContext(item: Json, place: ItemPlace): JsonObject {
  const context: JsonObject = { Index: place.index, Value: item };
  if (place.key !== undefined) context.Key = place.key;
  if (place.source !== undefined) context.Source = place.source;
  return context;
}

export function prepareSelectItem(state: MapState, jsonata: boolean): SelectItem {
  const selector = state.ItemSelector ?? (jsonata ? undefined : state.Parameters);
  // An object member is handed on as the pair, as AWS does for JSON-object datasets.
  if (selector === undefined) return (_effective, item, place) => (place.key === undefined ? item : { Key: place.key, Value: item });
  if (jsonata) {
    const field = prepareJsonataField(selector, 'ItemSelector');
    return (effective, item, place, frame, visit) => {
      visit.mapItem = mapItemContext(item, place);
      const bindings = jsonataBindings(frame, visit, effective);
      visit.mapItem = undefined;
      return evaluateJsonataField(field, () => bindings);
    };
  }
  const template = preparePayloadTemplate(selector);
  return (effective, item, place, frame, visit) => {
    visit.mapItem = mapItemContext(item, place);
    const scope = new StateScope(effective, frame, visit);
    try {
      return template(scope, frame.runtime.random);
    } finally {
      visit.mapItem = undefined;
    }
  };
}
