import type { Json, MapState } from '../../asl/types';
import { StatesError } from '../errors';
import { Aborted } from '../engine/abort-scope';
import { prepareErrorHandling } from '../error-handling/error-handling';
import { record, type Frame, type StateVisit } from '../engine/runtime';
import { StateRunner } from '../engine/state-runner';
import { takeResume } from '../engine/redrive-resume';
import { prepareStateDataFlow } from '../state-io';
import { batchItems, readItems, writeResults } from '../map-run-io';
import { randomUuid } from '../random/seeded-random';
import { runMapRunChildren } from './map/distributed-map';
import { checkTolerance } from './map/failure-tolerance';
import { runInlineIterations } from './map/inline-map';
import { prepareReadItems, prepareSelectItem, type MapItems } from './map/map-items';
import { MapRun, registerMapRun } from './map/map-run';
import { prepareMapSettings } from './map/map-settings';
import { prepareItemBatcher, prepareItemReader, prepareResultWriter } from './map/map-sources';
import type { StatePreparer } from './state-preparer';
import { LIMITS } from '../../asl/limits';


/**
 * Map: iterates its processor over the items (ItemsPath/Items or an ItemReader), inline in this
 * execution or, with `ProcessorConfig.Mode: DISTRIBUTED`, as a Map Run of child executions
 * (ItemBatcher, ResultWriter, tolerated failures; a JSON object's members as `{Key, Value}`
 * items; `$$.Map.Item.Source`; the run and its children listed by `execution.mapRuns()`).
 * The result lists outputs in item order.
 */
export const prepareMapState: StatePreparer<MapState> = (state, context) => {
  const { name, queryLanguage } = context;
  const jsonata = queryLanguage === 'JSONata';
  const processorDefinition = state.ItemProcessor ?? state.Iterator;
  if (!processorDefinition) throw new Error(`Map state '${name}' has neither ItemProcessor nor Iterator.`);
  const processor = context.prepareNested(processorDefinition);
  // AWS also honours a ProcessorConfig placed in the legacy `Iterator` (recorded).
  const processorConfig = (processorDefinition as { ProcessorConfig?: { Mode?: string; ExecutionType?: string } }).ProcessorConfig;
  const distributed = processorConfig?.Mode === 'DISTRIBUTED';
  const childType = processorConfig?.ExecutionType ?? 'STANDARD';
  const readInputItems = prepareReadItems(state, jsonata, distributed);
  const selectItem = prepareSelectItem(state, jsonata);
  const settings = prepareMapSettings(state, jsonata);
  const reader = state.ItemReader ? prepareItemReader(state.ItemReader, jsonata) : undefined;
  const batcher = state.ItemBatcher ? prepareItemBatcher(state.ItemBatcher, jsonata) : undefined;
  const writer = state.ResultWriter ? prepareResultWriter(state.ResultWriter, jsonata) : undefined;

  // A redrive plan is taken on entry, before anything can fail: a plan left on the frame by a
  // visit that failed early would otherwise reach a later visit of the state (a loop back to it).
  const inline = async (effective: Json, frame: Frame, visit: StateVisit): Promise<Json> => {
    // A redrive reruns only the iterations that did not succeed (AWS); the others keep their results.
    const resume = takeResume(frame, name);
    const requested = await settings.maxConcurrency(effective, frame, visit);
    const { values: items } = await readInputItems(effective, frame, visit);
    record(frame, 'MapStateStarted', { length: items.length });
    const tolerance = await settings.tolerance(effective, frame, visit);
    const concurrency = requested > 0 ? Math.min(requested, LIMITS.inlineMapConcurrency) : LIMITS.inlineMapConcurrency;
    const planned = resume?.kind === 'children' ? resume.children : undefined;
    return runInlineIterations({ processor, selectItem, effective, items, concurrency, tolerance, resume: planned }, frame, visit);
  };

  const mapRun = async (effective: Json, frame: Frame, visit: StateVisit): Promise<Json> => {
    const { runtime } = frame;
    // A redrive goes on with the failed Map Run (same ARN) and reruns only its unsuccessful children.
    const resume = takeResume(frame, name);
    record(frame, 'MapStateStarted', { length: 0 });
    const tolerance = (await settings.tolerance(effective, frame, visit)) ?? checkTolerance({ count: undefined, percentage: undefined });
    const requested = await settings.maxConcurrency(effective, frame, visit);
    const label = state.Label ?? name;
    const smName = String(runtime.stateMachineContext.Name);
    const childStateMachineName = `${smName}/${label}`;
    const redriven = resume?.kind === 'mapRun' ? resume : undefined;
    if (redriven && redriven.redriveCount > LIMITS.mapRunRedrives) {
      throw new StatesError(
        'States.Runtime',
        `The Map Run '${redriven.mapRunArn}' of state '${name}' has already been redriven ${LIMITS.mapRunRedrives} times, the most AWS allows; start a new execution instead.`,
      );
    }
    const runId = redriven ? redriven.mapRunArn.slice(redriven.mapRunArn.lastIndexOf(':') + 1) : randomUuid(runtime.random);
    const mapRunArn = redriven?.mapRunArn ?? `arn:aws:states:${runtime.region}:${runtime.accountId}:mapRun:${childStateMachineName}:${runId}`;
    const mapRunRecord = new MapRun(mapRunArn, name, redriven ? Date.parse(redriven.startDate) : runtime.clock.now(), runtime.answers);
    registerMapRun(runtime, mapRunRecord);
    if (redriven) {
      mapRunRecord.redriven(redriven.redriveCount, runtime.clock.now(), redriven.children);
      record(frame, 'MapRunRedriven', { mapRunArn, redriveCount: redriven.redriveCount });
    } else {
      record(frame, 'MapRunStarted', { mapRunArn });
    }
    try {
      const items = await readRunItems(effective, frame, visit);
      const selected: Json[] = [];
      for (let i = 0; i < items.values.length; i++) {
        const place = { index: i, key: items.keys?.[i], source: items.sources ? items.sources[i] : 'STATE_DATA' };
        selected.push(await selectItem(effective, items.values[i], place, frame, visit));
      }
      const inputs = batcher ? batchItems(selected, await batcher(effective, frame, visit)) : selected;
      const outcome = await runMapRunChildren(
        {
          processor,
          inputs,
          concurrency: requested > 0 ? requested : LIMITS.distributedMapConcurrency,
          tolerance,
          mapRun: mapRunRecord,
          childStateMachineArn: `arn:aws:states:${runtime.region}:${runtime.accountId}:stateMachine:${childStateMachineName}`,
          childStateMachineName,
          expressChildren: childType === 'EXPRESS',
          resume: redriven?.children,
        },
        frame,
      );
      const result =
        writer && state.ResultWriter?.Resource
          ? writeResults(await writer(effective, frame, visit), runtime.s3, { mapRunArn, runId, results: outcome.records })
          : outcome.outputs.map((o) => (o === undefined ? null : o));
      record(frame, 'MapRunSucceeded');
      mapRunRecord.end('SUCCEEDED', runtime.clock.now());
      return result;
    } catch (error) {
      if (error instanceof StatesError) {
        record(frame, 'MapRunFailed', { error: error.error ?? undefined, cause: error.cause ?? undefined });
        mapRunRecord.end('FAILED', runtime.clock.now(), error.error ?? undefined, error.cause ?? undefined);
      } else if (error instanceof Aborted) {
        record(frame, 'MapRunAborted');
        mapRunRecord.end('ABORTED', runtime.clock.now());
      }
      throw error;
    }
  };

  /** A Map Run's items: from the ItemReader (each with its S3 source) or the state input. */
  const readRunItems = async (effective: Json, frame: Frame, visit: StateVisit): Promise<MapItems & { sources?: string[] }> => {
    if (!reader) return readInputItems(effective, frame, visit);
    const sources: string[] = [];
    const values = readItems(await reader(effective, frame, visit), frame.runtime.s3, sources);
    return { values, keys: undefined, sources };
  };

  const run = distributed ? mapRun : inline;
  return new StateRunner({
    name,
    type: 'Map',
    queryLanguage,
    // `Parameters` of a JSONPath Map is its (deprecated) ItemSelector, not its effective input.
    flow: prepareStateDataFlow(state, queryLanguage, { ...state, Parameters: undefined }),
    work: (effective, frame, visit) =>
      // The iterations leave `frame.previousEventId` at the last event they recorded (see runInlineIterations).
      run(effective, frame, visit).then((result) => {
        record(frame, 'MapStateSucceeded');
        return result;
      }),
    errorHandling: prepareErrorHandling(state.Retry, state.Catch, queryLanguage, 'MapStateFailed'),
    checkOutputSize: true,
    exits: true,
    failedEvent: 'MapStateFailed',
  });
};
