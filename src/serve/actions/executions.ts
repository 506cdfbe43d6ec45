import { LIMITS } from '../../asl/limits';
import type { Json } from '../../asl/types';
import type { HistoryEvent } from '../../interpreter/history/history-event';
import { findMapRun } from '../../interpreter/states/map/map-run';
import type { ChildExecutionView, MapRunView } from '../model/map-run-view';
import { walkStates } from '../../asl/walk';
import { parseMachineReference, parseStatesArn } from '../model/arns';
import { paginate, type ExecutionRecord } from '../model/execution-index';
import { ApiError } from '../protocol/api-error';
import type { ServeContext } from '../service/context';
import { launchExecution } from '../service/launch-execution';
import { notRedrivableReason, redriveExecution as redrive, statusNotRedrivable } from '../service/redrive-execution';
import { api, type ActionHandler } from './handler';

const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'] as const;
/** AWS: an execution input is at most 256 KiB. */
const MAX_INPUT = LIMITS.payloadBytes;
/**
 * A start target: a state machine ARN, plus room for Step Functions Local's `#TestCase` suffix
 * (see `launchExecution`); the 128 extra characters are our allowance, not an AWS limit.
 */
const TARGET_LENGTH = LIMITS.api.arnLength + 128;

const startExecution: ActionHandler = (ctx, request) => {
  const { record } = launchExecution(ctx, {
    target: request.string('stateMachineArn', { min: 1, max: TARGET_LENGTH }),
    name: request.optionalString('name', { min: 1, max: LIMITS.nameLength }),
    inputText: request.optionalString('input', { max: MAX_INPUT }) ?? '{}',
    synchronous: false,
  });
  const description = record.execution.describe();
  return { executionArn: record.execution.executionArn, startDate: new Date(Date.parse(description.startDate)) };
};

const startSyncExecution: ActionHandler = async (ctx, request) => {
  const target = request.string('stateMachineArn', { min: 1, max: TARGET_LENGTH });
  const machine = ctx.catalog.resolve(target.split('#')[0]).machine;
  if (machine.type !== 'EXPRESS') throw new ApiError('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine');
  const { record } = launchExecution(ctx, {
    target,
    name: request.optionalString('name', { min: 1, max: LIMITS.nameLength }),
    inputText: request.optionalString('input', { max: MAX_INPUT }) ?? '{}',
    synchronous: true,
  });
  await record.execution.result;
  const d = record.execution.describe();
  return {
    executionArn: d.executionArn,
    stateMachineArn: record.stateMachineArn,
    name: d.name,
    startDate: new Date(Date.parse(d.startDate)),
    stopDate: d.stopDate === undefined ? undefined : new Date(Date.parse(d.stopDate)),
    status: d.status,
    error: d.error,
    cause: d.cause,
    input: record.inputText,
    inputDetails: { included: true },
    output: d.output === undefined ? undefined : JSON.stringify(d.output),
    outputDetails: d.output === undefined ? undefined : { included: true },
    billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: Math.max(100, Date.parse(d.stopDate ?? d.startDate) - Date.parse(d.startDate)) },
  };
};

/** An execution the API can describe: one the server started, or a child execution of a Map Run. */
type Described = { record: ExecutionRecord; child?: undefined } | { record?: undefined; child: ChildExecutionView; run: MapRunView; parent: ExecutionRecord };

function findExecution(ctx: ServeContext, arn: string): Described {
  parseStatesArn(arn, ['execution', 'express']);
  const record = ctx.executions.find(arn);
  if (record) return { record };
  for (const parent of ctx.executions.all()) {
    const found = findChild(parent.execution.mapRuns(), arn);
    if (found) return { ...found, parent };
  }
  throw new ApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
}

function findChild(runs: MapRunView[], arn: string): { child: ChildExecutionView; run: MapRunView } | undefined {
  let child: ChildExecutionView | undefined;
  const run = findMapRun(runs, (candidate) => (child = candidate.executions.find((c) => c?.executionArn === arn)) !== undefined);
  return run && child ? { child, run } : undefined;
}

const describeExecution: ActionHandler = (ctx, request) => {
  const found = findExecution(ctx, request.string('executionArn', { min: 1, max: LIMITS.api.arnLength }));
  const d = found.record ? found.record.execution.describe() : found.child.describe();
  return {
    executionArn: d.executionArn,
    stateMachineArn: found.record?.stateMachineArn ?? d.stateMachineArn,
    name: d.name,
    status: d.status,
    startDate: new Date(Date.parse(d.startDate)),
    stopDate: d.stopDate === undefined ? undefined : new Date(Date.parse(d.stopDate)),
    input: found.record ? found.record.inputText : JSON.stringify(d.input),
    inputDetails: { included: true },
    output: d.output === undefined ? undefined : JSON.stringify(d.output),
    outputDetails: d.output === undefined ? undefined : { included: true },
    error: d.error,
    cause: d.cause,
    stateMachineVersionArn: found.record?.versionArn,
    stateMachineAliasArn: found.record?.aliasArn,
    mapRunArn: found.record ? undefined : found.run.mapRunArn,
    ...redriveFields(ctx, found),
  };
};

/** DescribeExecution's redrive members (a Map Run's child executions are redriven with their Map Run, by redriving the parent). */
function redriveFields(ctx: ServeContext, found: Described): Record<string, unknown> {
  if (!found.record) {
    // A child is redriven by its Map Run when the parent is (AWS: whether the Map Run can redrive it).
    const { status } = found.child;
    const reason = statusNotRedrivable(status) ?? notRedrivableReason(ctx, found.parent);
    return { redriveCount: found.child.redriveCount, redriveStatus: reason === undefined ? 'REDRIVABLE' : 'NOT_REDRIVABLE', redriveStatusReason: reason };
  }
  const reason = notRedrivableReason(ctx, found.record);
  const { redriveCount, redriveDate } = found.record.execution;
  return {
    redriveCount: redriveCount ?? 0,
    redriveDate: redriveDate === undefined ? undefined : new Date(Date.parse(redriveDate)),
    redriveStatus: reason === undefined ? 'REDRIVABLE' : 'NOT_REDRIVABLE',
    redriveStatusReason: reason,
  };
}

const listExecutions: ActionHandler = (ctx, request) => {
  const machineArn = request.optionalString('stateMachineArn', { min: 1, max: LIMITS.api.arnLength });
  const mapRunArn = request.optionalString('mapRunArn', { min: 1, max: LIMITS.api.mapRunArnLength });
  const statusFilter = request.optionalEnum('statusFilter', STATUSES);
  const maxResults = request.optionalInteger('maxResults', { min: 0, max: LIMITS.api.maxResults });
  const nextToken = request.optionalString('nextToken');
  if ((machineArn === undefined) === (mapRunArn === undefined)) {
    throw new ApiError('ValidationException', 'Exactly one of stateMachineArn or mapRunArn must be specified');
  }
  if (mapRunArn !== undefined) {
    const { run } = mapRunWithParent(ctx, mapRunArn);
    const children = run.executions.filter((c): c is ChildExecutionView => c !== undefined && (statusFilter === undefined || c.status === statusFilter));
    const { page, nextToken: next } = paginate(children, maxResults, nextToken);
    return {
      executions: page.map((c) => ({ executionArn: c.executionArn, stateMachineArn: c.stateMachineArn, name: c.name, status: c.status, startDate: new Date(Date.parse(c.startDate)), stopDate: c.stopDate === undefined ? undefined : new Date(Date.parse(c.stopDate)), mapRunArn })),
      nextToken: next,
    };
  }
  const ref = parseMachineReference(machineArn!);
  ctx.catalog.resolve(ref.version === undefined && ref.alias === undefined ? ref.baseArn : machineArn!);
  const records = ctx.executions.list(
    (r) =>
      r.stateMachineArn === ref.baseArn &&
      (ref.version === undefined || r.versionArn === machineArn) &&
      (ref.alias === undefined || r.aliasArn === machineArn) &&
      (statusFilter === undefined || r.execution.status === statusFilter),
  );
  const { page, nextToken: next } = paginate(records, maxResults, nextToken);
  return {
    executions: page.map((r) => {
      const d = r.execution.describe();
      return {
        executionArn: d.executionArn,
        stateMachineArn: r.stateMachineArn,
        name: d.name,
        status: d.status,
        startDate: new Date(Date.parse(d.startDate)),
        stopDate: d.stopDate === undefined ? undefined : new Date(Date.parse(d.stopDate)),
        stateMachineVersionArn: r.versionArn,
        stateMachineAliasArn: r.aliasArn,
        redriveCount: r.execution.redriveCount ?? 0,
        redriveDate: r.execution.redriveDate === undefined ? undefined : new Date(Date.parse(r.execution.redriveDate)),
      };
    }),
    nextToken: next,
  };
};

const stopExecution: ActionHandler = (ctx, request) => {
  const record = ctx.executions.get(request.string('executionArn', { min: 1, max: LIMITS.api.arnLength }));
  const error = request.optionalString('error', { max: LIMITS.api.errorLength });
  const cause = request.optionalString('cause', { max: LIMITS.api.causeLength });
  record.execution.stop(error, cause);
  ctx.persistence.sync(record.execution);
  const stopDate = record.execution.describe().stopDate;
  return { stopDate: new Date(stopDate === undefined ? ctx.now() : Date.parse(stopDate)) };
};

/** `*EventDetails` members that carry execution data (left out when `includeExecutionData` is false). */
const DATA_MEMBERS = ['input', 'output', 'parameters', 'assignedVariables'];

const getExecutionHistory: ActionHandler = (ctx, request) => {
  const found = findExecution(ctx, request.string('executionArn', { min: 1, max: LIMITS.api.arnLength }));
  const maxResults = request.optionalInteger('maxResults', { min: 0, max: LIMITS.api.maxResults });
  const reverse = request.optionalBoolean('reverseOrder') ?? false;
  const includeData = request.optionalBoolean('includeExecutionData') ?? true;
  let events = found.record ? found.record.execution.history() : found.child.history();
  if (reverse) events = [...events].reverse();
  const { page, nextToken } = paginate(events, maxResults, request.optionalString('nextToken'));
  return { events: includeData ? page : page.map(withoutData), nextToken };
};

function withoutData(event: HistoryEvent): HistoryEvent {
  const copy: Record<string, unknown> = { ...event };
  for (const [key, value] of Object.entries(copy)) {
    if (!key.endsWith('EventDetails') || typeof value !== 'object' || value === null) continue;
    const details: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const member of DATA_MEMBERS) delete details[member];
    copy[key] = details;
  }
  return copy as unknown as HistoryEvent;
}

const redriveExecution: ActionHandler = (ctx, request) => {
  const record = ctx.executions.get(request.string('executionArn', { min: 1, max: LIMITS.api.arnLength }));
  request.optionalString('clientToken', { min: 1, max: 64 });
  const redriven = redrive(ctx, record);
  return { redriveDate: new Date(Date.parse(redriven.execution.redriveDate!)) };
};

/** The Map Run with this ARN, and the execution (started by the server) it belongs to, at any depth. */
function mapRunWithParent(ctx: ServeContext, mapRunArn: string): { run: MapRunView; parent: ExecutionRecord } {
  for (const parent of ctx.executions.all()) {
    const run = findMapRun(parent.execution.mapRuns(), (candidate) => candidate.mapRunArn === mapRunArn);
    if (run) return { run, parent };
  }
  throw new ApiError('ResourceNotFound', `Resource not found: '${mapRunArn}'`);
}

const describeMapRun: ActionHandler = (ctx, request) => {
  const { run, parent } = mapRunWithParent(ctx, request.string('mapRunArn', { min: 1, max: LIMITS.api.mapRunArnLength }));
  const counts = run.itemCounts();
  const state = mapStateSettings(JSON.parse(parent.definitionText) as Json, run.stateName);
  const overrides = run.updated;
  const itemCounts = { ...counts, resultsWritten: counts.succeeded + counts.failed, failuresNotRedrivable: 0, pendingRedrive: 0 };
  return {
    mapRunArn: run.mapRunArn,
    executionArn: parent.execution.executionArn,
    status: run.status,
    startDate: new Date(Date.parse(run.startDate)),
    stopDate: run.stopDate === undefined ? undefined : new Date(Date.parse(run.stopDate)),
    maxConcurrency: overrides.maxConcurrency ?? state.maxConcurrency,
    toleratedFailurePercentage: overrides.toleratedFailurePercentage ?? state.toleratedFailurePercentage,
    toleratedFailureCount: overrides.toleratedFailureCount ?? state.toleratedFailureCount,
    itemCounts,
    executionCounts: itemCounts,
    redriveCount: run.redriveCount,
    redriveDate: run.redriveDate === undefined ? undefined : new Date(Date.parse(run.redriveDate)),
  };
};

/** The Map state's own settings (literal values; `…Path`/JSONata forms report 0, as their values are per run). */
function mapStateSettings(definition: Json, stateName: string): { maxConcurrency: number; toleratedFailurePercentage: number; toleratedFailureCount: number } {
  let found: Record<string, Json> | undefined;
  walkStates(definition as { States?: unknown }, ({ name, state }) => {
    if (!found && name === stateName && state.Type === 'Map') found = state as unknown as Record<string, Json>;
  });
  const number = (value: Json | undefined): number => (typeof value === 'number' ? value : 0);
  return {
    maxConcurrency: number(found?.MaxConcurrency),
    toleratedFailurePercentage: number(found?.ToleratedFailurePercentage),
    toleratedFailureCount: number(found?.ToleratedFailureCount),
  };
}

const listMapRuns: ActionHandler = (ctx, request) => {
  const record = ctx.executions.get(request.string('executionArn', { min: 1, max: LIMITS.api.arnLength }));
  const runs = record.execution.mapRuns();
  const { page, nextToken } = paginate(runs, request.optionalInteger('maxResults', { min: 0, max: LIMITS.api.maxResults }), request.optionalString('nextToken'));
  return {
    mapRuns: page.map((run) => ({
      executionArn: record.execution.executionArn,
      mapRunArn: run.mapRunArn,
      stateMachineArn: record.stateMachineArn,
      startDate: new Date(Date.parse(run.startDate)),
      stopDate: run.stopDate === undefined ? undefined : new Date(Date.parse(run.stopDate)),
    })),
    nextToken,
  };
};

const updateMapRun: ActionHandler = (ctx, request) => {
  const { run, parent } = mapRunWithParent(ctx, request.string('mapRunArn', { min: 1, max: LIMITS.api.mapRunArnLength }));
  const update = {
    maxConcurrency: request.optionalInteger('maxConcurrency', { min: 0 }),
    toleratedFailurePercentage: request.optionalNumber('toleratedFailurePercentage'),
    toleratedFailureCount: request.optionalInteger('toleratedFailureCount', { min: 0 }),
  };
  if (Object.values(update).every((v) => v === undefined)) {
    throw new ApiError('ValidationException', 'At least one of maxConcurrency, toleratedFailurePercentage or toleratedFailureCount must be specified');
  }
  const percentage = update.toleratedFailurePercentage;
  if (percentage !== undefined && (percentage < 0 || percentage > 100)) {
    throw new ApiError('ValidationException', `1 validation error detected: Value '${percentage}' at 'toleratedFailurePercentage' failed to satisfy constraint: Member must have value between 0 and 100`);
  }
  // The running Map Run changes at once: more children start, the new tolerance judges the next
  // failure. The change is an answer in its execution's log: journaled before the caller hears OK.
  api(() => run.update(update));
  ctx.persistence.sync(parent.execution);
  return {};
};

export const executionActions = {
  StartExecution: startExecution,
  StartSyncExecution: startSyncExecution,
  DescribeExecution: describeExecution,
  ListExecutions: listExecutions,
  StopExecution: stopExecution,
  GetExecutionHistory: getExecutionHistory,
  RedriveExecution: redriveExecution,
  DescribeMapRun: describeMapRun,
  ListMapRuns: listMapRuns,
  UpdateMapRun: updateMapRun,
} satisfies Record<string, ActionHandler>;
