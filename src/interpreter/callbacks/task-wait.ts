import type { Json } from '../../asl/types';
import type { Timer } from '../clock/clock';
import { exceedsPayloadLimit } from '../json/json-size';
import { toJsonValue } from '../json/to-json-value';
import type { Aborted } from '../engine/abort-scope';
import type { Frame, StateVisit } from '../engine/runtime';
import { StatesError } from '../errors';
import { markLocated } from '../error-handling/locate-error';
import type { TaskEvents } from '../tasks/task-events';
import type { TaskTokenOutcome } from './pending-task';
import { LIMITS } from '../../asl/limits';

/** Why a waiting attempt was given up: the attempt timed out, or its branch/execution was aborted. */
export type AbandonReason = 'timed-out' | 'aborted';

export interface TaskWaitOptions {
  frame: Frame;
  visit: StateVisit;
  events: TaskEvents;
  /** Undo outside work the attempt left running: cancel a job, stop a child execution, dequeue an activity task. */
  onAbandon?: (why: AbandonReason) => void;
  /** Called once, however the attempt ends (closes its task token). */
  onEnd?: (outcome: TaskTokenOutcome) => void;
}

/**
 * One Task attempt waiting for an answer that arrives later: a callback, an activity worker, a
 * running job. Settles exactly once, with the first of: an answer, the timeout (`TimeoutSeconds`),
 * a missed heartbeat (`HeartbeatSeconds`, re-armed by {@link TaskWait.heartbeat}), or an abort.
 * Records the task's outcome event, as AWS does.
 */
export class TaskWait {
  readonly promise: Promise<Json>;
  private settled = false;
  private resolve!: (value: Json) => void;
  private reject!: (error: unknown) => void;
  private timeoutTimer: Timer | undefined;
  private heartbeatTimer: Timer | undefined;
  private heartbeatSeconds: number | undefined;
  private unsubscribe: () => void = () => {};

  constructor(private readonly options: TaskWaitOptions) {
    this.promise = new Promise<Json>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.unsubscribe = options.frame.abort.onAbort((reason) => this.abandoned(reason));
  }

  get isSettled(): boolean {
    return this.settled;
  }

  /** Starts the timeout and heartbeat clocks; returns their deadlines (epoch ms). */
  armLimits(timeoutSeconds: number | undefined, heartbeatSeconds: number | undefined): { timeoutAt: number; heartbeatAt?: number } {
    const clock = this.options.frame.runtime.clock;
    const seconds = timeoutSeconds ?? LIMITS.maxSeconds;
    if (this.settled) return { timeoutAt: clock.now() + seconds * 1000 };
    this.timeoutTimer = clock.setTimer(seconds * 1000, () => this.timedOut());
    this.heartbeatSeconds = heartbeatSeconds;
    const heartbeatAt = this.heartbeat();
    return heartbeatAt === undefined ? { timeoutAt: clock.now() + seconds * 1000 } : { timeoutAt: clock.now() + seconds * 1000, heartbeatAt };
  }

  /** A heartbeat arrived: the heartbeat clock starts over. Returns the new deadline. */
  heartbeat(): number | undefined {
    if (this.settled || this.heartbeatSeconds === undefined) return undefined;
    const clock = this.options.frame.runtime.clock;
    this.heartbeatTimer?.cancel();
    this.heartbeatTimer = clock.setTimer(this.heartbeatSeconds * 1000, () => this.timedOut());
    return clock.now() + this.heartbeatSeconds * 1000;
  }

  succeed(answer: Json): void {
    const json = toJsonValue(answer, true);
    if ('problem' in json) {
      // A mock or worker answered with something JSON cannot hold (`undefined`, a BigInt, a
      // circular object...): a clear failure instead of an execution that SUCCEEDs with no output.
      this.fail(new StatesError('States.Runtime', `The answer to Task state '${this.options.visit.name}' is not JSON: ${json.problem}.`));
      return;
    }
    const value = json.value;
    if (!this.begin('SUCCEEDED')) return;
    const { events, visit } = this.options;
    if (exceedsPayloadLimit(value)) {
      const error = new StatesError(
        'States.DataLimitExceeded',
        `The state/task '${visit.name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
      );
      events.failed(error.error, error.cause);
      this.reject(markLocated(error));
      return;
    }
    events.succeeded(value);
    this.resolve(value);
  }

  fail(error: StatesError): void {
    if (!this.begin('FAILED')) return;
    this.options.events.failed(error.error, error.cause);
    this.reject(markLocated(error));
  }

  private timedOut(): void {
    if (!this.begin('TIMED_OUT')) return;
    this.options.onAbandon?.('timed-out');
    // AWS reports a task timeout with an empty cause (recorded: `{"Error": "States.Timeout", "Cause": ""}`).
    this.options.events.timedOut('States.Timeout', '');
    this.reject(markLocated(new StatesError('States.Timeout', '')));
  }

  private abandoned(reason: Aborted): void {
    if (!this.begin('ABORTED')) return;
    this.options.onAbandon?.('aborted');
    this.reject(reason);
  }

  private begin(outcome: TaskTokenOutcome): boolean {
    if (this.settled) return false;
    this.settled = true;
    this.timeoutTimer?.cancel();
    this.heartbeatTimer?.cancel();
    this.unsubscribe();
    this.options.onEnd?.(outcome);
    return true;
  }
}
