import type { Json } from '../../asl/types';
import { LIMITS } from '../../asl/limits';
import { StatesError } from '../errors';
import { StepFunctionsApiError } from './api-error';
import { matchesFilter, type PendingTask, type PendingTaskFilter, type TaskTokenOutcome } from './pending-task';
import { decodeTaskToken } from './task-token';
import { nestingProblem } from '../../asl/json-nesting';

/** Who receives the answers sent for an open task token (a {@link TaskWait}). */
export interface TaskReceiver {
  succeed(output: Json): void;
  fail(error: StatesError): void;
  /** Returns the new heartbeat deadline (epoch ms), if the task has a heartbeat. */
  heartbeat(): number | undefined;
}

interface Waiter {
  filter: PendingTaskFilter | undefined;
  resolve: (task: PendingTask) => void;
}

/**
 * The open task tokens of every execution of one interpreter, and the `SendTaskSuccess` /
 * `SendTaskFailure` / `SendTaskHeartbeat` calls that answer them, with AWS's error names:
 * `InvalidToken` (not a token this interpreter issued), `TaskDoesNotExist` (a token whose attempt
 * never waited for an answer), `TaskTimedOut` (the attempt timed out or is already closed),
 * `InvalidOutput` (not JSON, or over 256 KiB).
 */
export class CallbackRegistry {
  private readonly open = new Map<string, { task: PendingTask; receiver: TaskReceiver }>();
  private readonly closed = new Map<string, TaskTokenOutcome>();
  private waiters: Waiter[] = [];
  /** Where open tasks went when a resumed execution went live (see {@link CallbackRegistry.transferOpenTo}). */
  private transferredTo: CallbackRegistry | undefined;

  /** Registers an attempt that waits for an answer; wakes {@link CallbackRegistry.nextPending} callers. */
  register(task: PendingTask, receiver: TaskReceiver): void {
    this.open.set(task.taskToken, { task, receiver });
    // Announced after the attempt finished setting up (its clocks armed), still before any timer can fire.
    queueMicrotask(() => {
      if (this.open.get(task.taskToken)?.task === task) this.notify(task);
    });
  }

  /** Re-announces a task whose state changed (an activity task a worker took). */
  notify(task: PendingTask): void {
    if (this.waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (matchesFilter(task, waiter.filter)) waiter.resolve({ ...task });
      else still.push(waiter);
    }
    this.waiters = still;
  }

  close(taskToken: string, outcome: TaskTokenOutcome): void {
    this.transferredTo?.close(taskToken, outcome);
    if (!this.open.delete(taskToken)) return;
    this.closed.set(taskToken, outcome);
  }

  /**
   * Registers every open task with `target` (a resumed execution going live in its interpreter),
   * so `sendTask*` there reaches them; tasks closed later are closed there too.
   */
  transferOpenTo(target: CallbackRegistry): void {
    this.transferredTo = target;
    for (const { task, receiver } of this.open.values()) target.register(task, receiver);
  }

  /** The open task, by reference (the owner updates it); `undefined` when not open. */
  get(taskToken: string): PendingTask | undefined {
    return this.open.get(taskToken)?.task;
  }

  /** Copies of the open tasks (plain data), in the order they started waiting. */
  pending(filter?: PendingTaskFilter): PendingTask[] {
    const out: PendingTask[] = [];
    for (const { task } of this.open.values()) if (matchesFilter(task, filter)) out.push({ ...task });
    return out;
  }

  /**
   * Resolves with the first open task matching `filter`: one already waiting, else the next to
   * start waiting. Resolves within the same turn (no clock time passes), so a test can answer it
   * before any timer fires.
   *
   * @example
   * const { taskToken } = await sfn.callbacks.nextPending({ stateName: 'Wait For Approval' });
   * sfn.sendTaskSuccess(taskToken, JSON.stringify({ approved: true }));
   */
  nextPending(filter?: PendingTaskFilter): Promise<PendingTask> {
    const existing = this.pending(filter)[0];
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve) => this.waiters.push({ filter, resolve }));
  }

  /** `SendTaskSuccess`: `output` is JSON text, as in the AWS API. */
  sendTaskSuccess(taskToken: string, output: string): void {
    const entry = this.openEntry(taskToken);
    entry.receiver.succeed(parseOutput(output));
  }

  /** `SendTaskFailure`: the task fails with `error`/`cause` (both may be absent, as in AWS). */
  sendTaskFailure(taskToken: string, error?: string, cause?: string): void {
    const entry = this.openEntry(taskToken);
    if (error !== undefined && (typeof error !== 'string' || error.length > LIMITS.api.errorLength)) {
      throw new StepFunctionsApiError('ValidationException', `SendTaskFailure: 'error' must be a string of at most ${LIMITS.api.errorLength} characters.`);
    }
    if (cause !== undefined && (typeof cause !== 'string' || cause.length > LIMITS.api.causeLength)) {
      throw new StepFunctionsApiError('ValidationException', `SendTaskFailure: 'cause' must be a string of at most ${LIMITS.api.causeLength} characters.`);
    }
    entry.receiver.fail(new StatesError(error ?? null, cause ?? null));
  }

  /** `SendTaskHeartbeat`: restarts the task's heartbeat clock. */
  sendTaskHeartbeat(taskToken: string): void {
    const entry = this.openEntry(taskToken);
    const heartbeatAt = entry.receiver.heartbeat();
    if (heartbeatAt !== undefined) entry.task.heartbeatAt = heartbeatAt;
  }

  private openEntry(taskToken: string): { task: PendingTask; receiver: TaskReceiver } {
    if (typeof taskToken !== 'string' || taskToken.length < 1 || taskToken.length > LIMITS.taskTokenLength) {
      throw new StepFunctionsApiError('InvalidToken', `Invalid Token: a task token is a string of 1 to ${LIMITS.taskTokenLength} characters.`);
    }
    const entry = this.open.get(taskToken);
    if (entry) return entry;
    const outcome = this.closed.get(taskToken);
    if (outcome !== undefined) {
      throw new StepFunctionsApiError(
        'TaskTimedOut',
        outcome === 'TIMED_OUT' ? 'Task Timed Out: the task of this token timed out.' : `Task Timed Out: the task of this token is already closed (${outcome}).`,
      );
    }
    const parts = decodeTaskToken(taskToken);
    if (!parts) throw new StepFunctionsApiError('InvalidToken', `Invalid Token: '${abbreviate(taskToken)}' is not a task token issued by this interpreter.`);
    throw new StepFunctionsApiError(
      'TaskDoesNotExist',
      `Task Does Not Exist: the attempt of state '${parts.stateName}' in ${parts.executionArn} is not waiting for a callback ` +
        `(only .waitForTaskToken and activity tasks take answers).`,
    );
  }
}

function parseOutput(output: string): Json {
  if (typeof output !== 'string') {
    throw new StepFunctionsApiError('InvalidOutput', `Invalid Output: 'output' must be JSON text (a string), e.g. JSON.stringify(value); got ${typeof output}.`);
  }
  if (Buffer.byteLength(output, 'utf8') > LIMITS.payloadBytes) {
    throw new StepFunctionsApiError('InvalidOutput', `Invalid Output: the output exceeds the 256 KiB (${LIMITS.payloadBytes} bytes) limit.`);
  }
  let value: Json;
  try {
    value = JSON.parse(output) as Json;
  } catch (error) {
    throw new StepFunctionsApiError('InvalidOutput', `Invalid Output: the output is not valid JSON (${(error as Error).message}).`);
  }
  // Refused before the token closes: a 5,000-level answer used to throw later, inside the answer,
  // leaving the execution RUNNING forever (issue 8).
  const nesting = nestingProblem(value);
  if (nesting) throw new StepFunctionsApiError('InvalidOutput', `Invalid Output: ${nesting}.`);
  return value;
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
