import type { TestStateConfiguration } from '@aws-sdk/client-sfn';
import type { Json, MapState } from '../asl/types';
import type { Frame, StateVisit } from '../interpreter/engine/runtime';
import { StatesError } from '../interpreter/errors';
import { InMemoryS3, readItems } from '../interpreter/map-run-io';
import { exceedsTolerance, toleranceExceededError } from '../interpreter/states/map/failure-tolerance';
import { prepareReadItems, prepareSelectItem } from '../interpreter/states/map/map-items';
import { prepareMapSettings } from '../interpreter/states/map/map-settings';
import { prepareItemReader } from '../interpreter/states/map/map-sources';
import { parseJsonField, validationError } from './api-errors';
import type { Inspection } from './inspection';
import type { ParsedMock } from './mock';

/**
 * A Map state's work under TestState: the Map's own settings are evaluated as in an execution
 * (ItemsPath/Items or the ItemReader over `mapItemReaderData`, ItemSelector, MaxConcurrency,
 * tolerated failures) and shown in `inspectionData`; the iterations are not run: the mock is
 * their outcome. `mapIterationFailureCount` iterations count as failed, which fails the Map with
 * `States.ExceedToleratedFailureThreshold` when more fail than it tolerates (a Map without a
 * tolerance setting ignores the count: recorded on AWS).
 */
export function prepareMapMock(
  state: MapState,
  jsonata: boolean,
  mock: ParsedMock,
  configuration: TestStateConfiguration | undefined,
  inspection: Inspection,
): (effective: Json, frame: Frame, visit: StateVisit) => Promise<Json> {
  const processor = state.ItemProcessor ?? state.Iterator;
  const distributed = (processor as { ProcessorConfig?: { Mode?: string } } | undefined)?.ProcessorConfig?.Mode === 'DISTRIBUTED';
  const readInputItems = prepareReadItems(state, jsonata, distributed);
  const reader = state.ItemReader ? prepareItemReader(state.ItemReader, jsonata) : undefined;
  const hasSelector = state.ItemSelector !== undefined || (!jsonata && state.Parameters !== undefined);
  const selectItem = prepareSelectItem(state, jsonata);
  const settings = prepareMapSettings(state, jsonata);

  const items = async (effective: Json, frame: Frame, visit: StateVisit): Promise<Json[]> => {
    if (!reader) {
      const { values } = await readInputItems(effective, frame, visit);
      if (!jsonata) inspection.afterItemsPath = values;
      return values;
    }
    const data = configuration?.mapItemReaderData;
    if (data === undefined) {
      throw validationError('A Map state with an ItemReader needs stateConfiguration.mapItemReaderData: the items the reader would read.');
    }
    const resolved = await reader(effective, frame, visit);
    if (!resolved.Resource.endsWith(':getObject')) {
      const listed = parseJsonField(data, 'stateConfiguration.mapItemReaderData');
      if (!Array.isArray(listed)) throw validationError('stateConfiguration.mapItemReaderData must be a JSON array of the listed objects.');
      return listed as Json[];
    }
    // The reader parses the data as it would the S3 object (JSON, JSONL, CSV, manifest).
    const { Bucket, Key } = resolved.Parameters as { Bucket?: unknown; Key?: unknown };
    const bucket = typeof Bucket === 'string' ? Bucket : 'bucket';
    const key = typeof Key === 'string' ? Key : 'key';
    return readItems({ ...resolved, Parameters: { ...(resolved.Parameters as object), Bucket: bucket, Key: key } }, new InMemoryS3({ [`${bucket}/${key}`]: data }));
  };

  return async (effective, frame, visit) => {
    const values = await items(effective, frame, visit);
    if (hasSelector) {
      const selected: Json[] = [];
      for (let index = 0; index < values.length; index++) selected.push(await selectItem(effective, values[index], { index }, frame, visit));
      inspection.afterItemSelector = selected;
    }
    inspection.maxConcurrency = await settings.maxConcurrency(effective, frame, visit);
    const tolerance = await settings.tolerance(effective, frame, visit);
    if (tolerance?.count !== undefined) inspection.toleratedFailureCount = tolerance.count;
    if (tolerance?.percentage !== undefined) inspection.toleratedFailurePercentage = tolerance.percentage;
    if (mock.kind === 'error') throw new StatesError(mock.error, mock.cause);
    const failures = configuration?.mapIterationFailureCount ?? 0;
    if (failures > values.length) throw validationError('Map iteration failure count must be less than or equal to the number of Map iterations');
    if (tolerance && exceedsTolerance(tolerance, failures, values.length)) throw toleranceExceededError();
    return mock.result;
  };
}
