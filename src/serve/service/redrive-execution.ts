import { LIMITS } from '../../asl/limits';
import type { Json } from '../../asl/types';
import { planRedrive } from '../../interpreter/execution/redrive';
import { endedAtHistoryLimit } from '../../interpreter/history';
import type { ExecutionRecord } from '../model/execution-index';
import { RedrivenExecution } from '../model/redriven-execution';
import { ApiError } from '../protocol/api-error';
import type { ServeContext } from './context';


/** AWS's reason when an execution's status alone rules a redrive out (it runs, or it succeeded). */
export function statusNotRedrivable(status: string): string | undefined {
  return status === 'RUNNING' || status === 'SUCCEEDED' ? `Execution is ${status} and cannot be redriven` : undefined;
}

/**
 * Why RedriveExecution would refuse the execution (AWS's `redriveStatusReason` sentences), or
 * `undefined` when it can be redriven: a FAILED, TIMED_OUT or ABORTED Standard execution that
 * ended within the last 14 days, not at the history event limit.
 */
export function notRedrivableReason(ctx: ServeContext, record: ExecutionRecord): string | undefined {
  if (record.type === 'EXPRESS') return 'Execution is of type EXPRESS and cannot be redriven';
  const { status, stopDate, error, cause } = record.execution.describe();
  const unfinishedOrSucceeded = statusNotRedrivable(status);
  if (unfinishedOrSucceeded) return unfinishedOrSucceeded;
  if (endedAtHistoryLimit(error, cause)) return 'Execution history event limit exceeded';
  if (stopDate !== undefined && ctx.now() - Date.parse(stopDate) > LIMITS.redrivableSeconds * 1000) return 'Execution redrivable period exceeded';
  return undefined;
}

/**
 * RedriveExecution: the execution goes on from its unsuccessful top-level state with the same
 * ARN, definition (the revision it ran) and input (see `planRedrive`: inside a Parallel or Map
 * only the unsuccessful branches, iterations or Map Run children run again); the redriven run is
 * journaled (its plan with it) before the caller is answered, after the end of the attempt it redrives.
 */
export function redriveExecution(ctx: ServeContext, record: ExecutionRecord): ExecutionRecord {
  const reason = notRedrivableReason(ctx, record);
  if (reason !== undefined) throw new ApiError('ExecutionNotRedrivable', reason);
  const machine = ctx.catalog.machine(record.stateMachineArn);
  const prepared = ctx.machines.get(machine, { revisionId: record.revisionId, definition: record.definitionText, roleArn: record.roleArn });
  const previous = record.execution;
  const first = previous.describe();
  const redrive = planRedrive(prepared.definition, previous.history(), {
    redriveCount: previous.redriveCount ?? 0,
    startTime: first.startDate,
    now: ctx.now(),
    // What the last attempt kept still stands; its Map Runs are redriven, not started anew.
    redrive: previous instanceof RedrivenExecution ? previous.redrive : undefined,
    mapRuns: previous.mapRuns(),
  });
  let journal = (): void => {};
  const mocks = ctx.mocks.for(machine.name, prepared.definition as unknown as Json, record.testCase, () => journal());
  const execution = prepared.startExecution(JSON.parse(record.inputText) as Json, { name: previous.name, mocks, redrive });
  const view = new RedrivenExecution(previous, execution, redrive);
  const replaced = ctx.executions.replace(record, view);
  ctx.persistence.redriven(view, execution);
  journal = () => ctx.persistence.sync(view);
  void execution.result.then(() => ctx.persistence.ended(view));
  return replaced;
}
