import type { ItemBatcher, ItemReader, Json, ResultWriter } from '../../../asl/types';
import { preparePayloadTemplate } from '../../jsonpath/payload-template';
import { StateScope } from '../../engine/context-object';
import type { Frame, StateVisit } from '../../engine/runtime';
import { prepareJsonataField, evaluateJsonataField, jsonataBindings } from '../../state-io';
import type { ResolvedItemBatcher, ResolvedItemReader, ResolvedResultWriter } from '../../map-run-io';
import { prepareMapNumber } from './map-number';

type Resolve<T> = (effective: Json, frame: Frame, visit: StateVisit) => Promise<T>;

/** A JSONPath payload template or a JSONata template, evaluated over the Map's effective input. */
function prepareTemplate(value: Json | undefined, field: string, jsonata: boolean): Resolve<Json | undefined> {
  if (value === undefined) return async () => undefined;
  if (jsonata) {
    const prepared = prepareJsonataField(value, field);
    return async (effective, frame, visit) => evaluateJsonataField(prepared, () => jsonataBindings(frame, visit, effective));
  }
  const template = preparePayloadTemplate(value);
  return async (effective, frame, visit) => template(new StateScope(effective, frame, visit), frame.runtime.random);
}

/** Resolves `ItemReader` (Parameters/Arguments, MaxItems/MaxItemsPath) for `readItems`. */
export function prepareItemReader(reader: ItemReader, jsonata: boolean): Resolve<ResolvedItemReader> {
  const parameters = prepareTemplate(jsonata ? reader.Arguments : reader.Parameters, jsonata ? 'Arguments' : 'Parameters', jsonata);
  const config = reader.ReaderConfig;
  const maxItems = prepareMapNumber(config?.MaxItems, config?.MaxItemsPath, 'MaxItems', 'integer', jsonata);
  return async (effective, frame, visit) => {
    const resolvedMax = await maxItems(effective, frame, visit);
    const { MaxItems: _m, MaxItemsPath: _p, ...rest } = config ?? {};
    return {
      Resource: reader.Resource,
      Parameters: (await parameters(effective, frame, visit)) ?? {},
      ReaderConfig: config ? { ...rest, ...(resolvedMax !== undefined ? { MaxItems: resolvedMax } : {}) } : undefined,
    } as ResolvedItemReader;
  };
}

/** Resolves `ItemBatcher` limits and `BatchInput` for `batchItems`. */
export function prepareItemBatcher(batcher: ItemBatcher, jsonata: boolean): Resolve<ResolvedItemBatcher> {
  const maxItems = prepareMapNumber(batcher.MaxItemsPerBatch, batcher.MaxItemsPerBatchPath, 'MaxItemsPerBatch', 'integer', jsonata);
  const maxBytes = prepareMapNumber(batcher.MaxInputBytesPerBatch, batcher.MaxInputBytesPerBatchPath, 'MaxInputBytesPerBatch', 'integer', jsonata);
  const batchInput = prepareTemplate(batcher.BatchInput, 'BatchInput', jsonata);
  return async (effective, frame, visit) => {
    const resolved: ResolvedItemBatcher = {};
    const items = await maxItems(effective, frame, visit);
    const bytes = await maxBytes(effective, frame, visit);
    const input = await batchInput(effective, frame, visit);
    if (items !== undefined) resolved.MaxItemsPerBatch = items;
    if (bytes !== undefined) resolved.MaxInputBytesPerBatch = bytes;
    if (input !== undefined) resolved.BatchInput = input;
    return resolved;
  };
}

/** Resolves `ResultWriter` Parameters/Arguments for `writeResults`. */
export function prepareResultWriter(writer: ResultWriter, jsonata: boolean): Resolve<ResolvedResultWriter> {
  const parameters = prepareTemplate(jsonata ? writer.Arguments : writer.Parameters, jsonata ? 'Arguments' : 'Parameters', jsonata);
  return async (effective, frame, visit) => {
    const resolved: ResolvedResultWriter = {};
    if (writer.Resource !== undefined) resolved.Resource = writer.Resource;
    const params = await parameters(effective, frame, visit);
    if (params !== undefined) resolved.Parameters = params;
    if (writer.WriterConfig !== undefined) resolved.WriterConfig = writer.WriterConfig;
    return resolved;
  };
}
