import type { Json, JsonObject, StateMachineDefinition } from '../../asl/types';
import { formatTimestamp } from '../clock/timestamp';
import type { Clock, Timer } from '../clock/clock';
import { exceedsPayloadLimit } from '../json/json-size';
import { StatesError } from '../errors';
import { ExecutionHistory } from '../history/history';
import type { HistoryEvent, RecordedEvent } from '../history/history-event';
import type { S3ObjectStore } from '../map-run-io';
import type { RandomSource } from '../random/seeded-random';
import { AbortScope, Aborted } from '../engine/abort-scope';
import { runMachine } from '../engine/run-machine';
import type { ExecutionRuntime, Frame, PreparedMachine } from '../engine/runtime';
import { resumeStart } from '../engine/redrive-resume';
import type { TaskDispatcher } from '../tasks/task-dispatcher';
import type { TaskIntegrations } from '../tasks/task-integrations';
import type { ExecutionRedrive, ExecutionResult, ExecutionStatus, StateMachineType } from './types';
import { mapRunsOf, type MapRun } from '../states/map/map-run';
import { historyLimit } from './history-limit';
import { AnswerLog } from '../persistence/answer-log';
import type { ExecutionAnswer, ExecutionSnapshot } from '../persistence/snapshot-format';
import { takeSnapshot } from '../persistence/take-snapshot';
import { randomPosition } from '../random/seeded-random';
import { LIMITS } from '../../asl/limits';

/** What an {@link Execution} needs; assembled by `StateMachine.startExecution`. */
export interface ExecutionSetup {
  machine: PreparedMachine;
  definition: StateMachineDefinition;
  input: Json;
  name: string;
  executionArn: string;
  stateMachineArn: string;
  stateMachineName: string;
  stateMachineType: StateMachineType;
  roleArn: string;
  region: string;
  accountId: string;
  clock: Clock;
  random: RandomSource;
  tasks: TaskDispatcher;
  s3: S3ObjectStore;
  maxHistoryEvents: number | undefined;
  maxExpressEvents?: number;
  recordHistory: boolean;
  /** Started with StartSyncExecution (Express only). */
  synchronous: boolean;
  /** Callbacks, activities, `.sync` jobs and nested executions shared by the interpreter's executions. */
  integrations?: TaskIntegrations;
  /** Where outside answers are recorded (given by `resumeExecution`; by default one is made when the history is kept). */
  answers?: AnswerLog;
  /** A redrive of an earlier attempt: where the run starts instead of `StartAt`. */
  redrive?: ExecutionRedrive;
}

/** `DescribeExecution`'s answer (dates as ISO strings). */
export interface ExecutionDescription {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: string;
  stopDate?: string;
  input: Json;
  output?: Json;
  error?: string;
  cause?: string;
}

/**
 * One running (or finished) execution. Starts on the next microtask; `result` settles when it
 * ends (it never rejects: failures are results).
 *
 * @example
 * const execution = machine.startExecution({ orderId: 7 });
 * const { status, output } = await execution.result;
 * execution.history(); // GetExecutionHistory's events
 */
export class Execution {
  readonly executionArn: string;
  readonly name: string;
  readonly result: Promise<ExecutionResult>;
  private currentStatus: ExecutionStatus = 'RUNNING';
  private outcome: ExecutionResult | undefined;
  private readonly startMs: number;
  private stopMs: number | undefined;
  private readonly runtime: ExecutionRuntime;
  private readonly abort = new AbortScope();
  private timeoutTimer: Timer | undefined;
  private endedBy: { status: 'TIMED_OUT' | 'ABORTED'; error?: string; cause?: string } | undefined;
  private readonly answers: AnswerLog | undefined;

  constructor(private readonly setup: ExecutionSetup) {
    this.executionArn = setup.executionArn;
    this.name = setup.name;
    if (exceedsPayloadLimit(setup.input)) {
      throw new Error(`Execution input exceeds the 256 KiB (${LIMITS.payloadBytes} bytes) limit; StartExecution would reject it.`);
    }
    const limit = historyLimit(setup);
    const history = new ExecutionHistory(setup.clock, limit.maxEvents, setup.recordHistory, limit.cause);
    this.answers = setup.answers ?? (setup.recordHistory ? new AnswerLog(setup.clock, randomPosition(setup.random)) : undefined);
    this.answers?.bind(history);
    if (setup.redrive) history.add('ExecutionRedriven', 0, { redriveCount: setup.redrive.redriveCount });
    else history.add('ExecutionStarted', 0, { input: setup.input, roleArn: setup.roleArn });
    // One reading of the clock for both: a free-running clock (`clock: 'real'`) could put the start
    // event a millisecond after the start time, which a resumed execution's replay does not.
    this.startMs = history.lastEventTime ?? setup.clock.now();
    this.runtime = {
      clock: setup.clock,
      random: setup.random,
      history,
      tasks: this.answers ? this.answers.recordingDispatcher(setup.tasks) : setup.tasks,
      s3: setup.s3,
      region: setup.region,
      accountId: setup.accountId,
      stateMachineType: setup.stateMachineType,
      executionContext: executionContext(setup, formatTimestamp(this.startMs)),
      stateMachineContext: { Id: setup.stateMachineArn, Name: setup.stateMachineName },
      integrations: setup.integrations,
      answers: this.answers,
    };
    this.armTimeout();
    this.result = Promise.resolve().then(() => this.run());
  }

  get status(): ExecutionStatus {
    return this.currentStatus;
  }

  /** The history in AWS's `GetExecutionHistory` format (rendered now; cheap to record, paid on read). */
  history(): HistoryEvent[] {
    return this.runtime.history.events();
  }

  /**
   * The same events unrendered (details as JSON values, timestamps in epoch ms): for tools that
   * read many histories and only look at names, errors and times (`statecraft verify`'s coverage).
   */
  recordedHistory(): RecordedEvent[] {
    return this.runtime.history.recordedEvents();
  }

  /**
   * The Map Runs this execution's Distributed Map states started, each listing its child
   * executions (status, input, output, `history()`, `describe()`).
   *
   * @example
   * const [run] = execution.mapRuns();
   * run.executions.map((child) => child.describe().status); // ['SUCCEEDED', 'FAILED', ...]
   */
  mapRuns(): MapRun[] {
    return mapRunsOf(this.runtime);
  }

  describe(): ExecutionDescription {
    const d: ExecutionDescription = {
      executionArn: this.executionArn,
      stateMachineArn: this.setup.stateMachineArn,
      name: this.name,
      status: this.currentStatus,
      startDate: formatTimestamp(this.startMs),
      input: this.setup.input,
    };
    if (this.stopMs !== undefined) d.stopDate = formatTimestamp(this.stopMs);
    if (this.outcome?.output !== undefined) d.output = this.outcome.output;
    if (this.outcome?.error !== undefined) d.error = this.outcome.error;
    if (this.outcome?.cause !== undefined) d.cause = this.outcome.cause;
    return d;
  }

  /** Stops the execution (`StopExecution`): running states are aborted, the status becomes ABORTED. */
  stop(error?: string, cause?: string): void {
    if (this.currentStatus === 'RUNNING' && !this.endedBy) this.answers?.stopped(error, cause);
    this.end({ status: 'ABORTED', error, cause }, 'The execution was stopped.');
  }

  /**
   * The outside answers recorded so far, in order (the live list a snapshot copies): lets a
   * durable host journal each one as it arrives instead of re-copying whole snapshots.
   */
  recordedAnswers(): readonly ExecutionAnswer[] {
    return this.answers?.entries ?? [];
  }

  /**
   * The execution as plain JSON, at any time: its definition, start, and every answer it received
   * from outside. `interpreter.resumeExecution(snapshot)` rebuilds it, in this process or another.
   * Needs the history (`recordHistory` not `false`).
   *
   * @example
   * writeFileSync('order-7.json', JSON.stringify(execution.snapshot()));
   * // later, maybe in a new process:
   * const saved = JSON.parse(readFileSync('order-7.json', 'utf8'));
   * const resumed = await new Interpreter({ startTime: saved.clockNow }).resumeExecution(saved);
   */
  snapshot(): ExecutionSnapshot {
    if (!this.answers) {
      throw new Error(`Execution '${this.name}': snapshot() needs the execution history; create the Interpreter without recordHistory: false.`);
    }
    return takeSnapshot({
      setup: this.setup,
      answers: this.answers,
      startMs: this.startMs,
      status: this.currentStatus,
      result: this.outcome,
      history: this.history(),
    });
  }

  private armTimeout(): void {
    const seconds = this.setup.definition.TimeoutSeconds;
    if (seconds === undefined) return;
    this.timeoutTimer = this.setup.clock.setTimer(seconds * 1000, () =>
      this.end({ status: 'TIMED_OUT', error: 'States.Timeout' }, 'The execution timed out.'),
    );
  }

  /**
   * An execution without `TimeoutSeconds` still ends at AWS's maximum duration (1 year Standard, 5 minutes Express),
   * so one that can never progress (a callback nobody answers) ends, saying what it waited for.
   */
  private armMaximumDuration(): void {
    const express = this.setup.stateMachineType === 'EXPRESS';
    this.timeoutTimer = this.setup.clock.setTimer(express ? MAX_EXPRESS_DURATION_MS : MAX_STANDARD_DURATION_MS, () => {
      const waits = this.setup.integrations?.describeWaits?.(this.executionArn);
      const limit = express ? 'an Express workflow (5 minutes)' : 'a Standard workflow (1 year)';
      const cause = `The execution reached the maximum duration of ${limit}.${waits ? ` Still waiting: ${waits}.` : ''}`;
      this.end({ status: 'TIMED_OUT', error: 'States.Timeout', cause }, 'The execution timed out.');
    });
  }

  private end(reason: { status: 'TIMED_OUT' | 'ABORTED'; error?: string; cause?: string }, why: string): void {
    if (this.currentStatus !== 'RUNNING' || this.endedBy) return;
    this.endedBy = reason;
    this.abort.abort(new Aborted(why));
  }

  private async run(): Promise<ExecutionResult> {
    if (this.setup.definition.TimeoutSeconds === undefined) this.armMaximumDuration();
    const redrive = this.setup.redrive;
    const frame: Frame = {
      runtime: this.runtime,
      history: this.runtime.history,
      variables: Object.assign(Object.create(null), redrive?.variables),
      abort: this.abort,
      // A redriven run's first state follows its ExecutionRedriven event.
      previousEventId: redrive ? 1 : 0,
      abortsFailedStates: false,
      scratchScope: undefined,
      spareVisit: undefined,
      resume: redrive?.inner ? { state: redrive.fromState, inner: redrive.inner } : undefined,
    };
    let result: ExecutionResult;
    try {
      const output = await (redrive
        ? runMachine(this.setup.machine, redrive.stateInput, frame, resumeStart(this.setup.machine, redrive.fromState))
        : runMachine(this.setup.machine, this.setup.input, frame));
      result = this.endedBy ? this.stopped() : { status: 'SUCCEEDED', output };
    } catch (thrown) {
      result = this.endedBy ? this.stopped() : failure(thrown);
    }
    return this.finish(result);
  }

  private stopped(): ExecutionResult {
    const r: ExecutionResult = { status: this.endedBy!.status };
    if (this.endedBy!.error !== undefined) r.error = this.endedBy!.error;
    if (this.endedBy!.cause !== undefined) r.cause = this.endedBy!.cause;
    return r;
  }

  private finish(result: ExecutionResult): ExecutionResult {
    this.timeoutTimer?.cancel();
    const history = this.runtime.history;
    const last = history.lastEventId;
    const details = { error: result.error, cause: result.cause };
    switch (result.status) {
      case 'SUCCEEDED':
        history.add('ExecutionSucceeded', last, { output: result.output });
        break;
      case 'FAILED':
        history.add('ExecutionFailed', last, details);
        break;
      case 'TIMED_OUT':
        history.add('ExecutionTimedOut', last, details);
        break;
      case 'ABORTED':
        history.add('ExecutionAborted', last, details);
        break;
    }
    this.stopMs = this.setup.clock.now();
    this.currentStatus = result.status;
    this.outcome = result;
    return result;
  }
}

const DAY_SECONDS = 24 * 3600;
/**
 * AWS's limit on a Standard execution's duration is one year; two days' leeway lets a Wait of
 * exactly one leap year (366 days) finish.
 */
const MAX_STANDARD_DURATION_MS = (LIMITS.executionSeconds.STANDARD + 2 * DAY_SECONDS) * 1000;
/** AWS's limit on an Express execution's duration. */
const MAX_EXPRESS_DURATION_MS = LIMITS.executionSeconds.EXPRESS * 1000;

function failure(thrown: unknown): ExecutionResult {
  if (thrown instanceof StatesError) {
    const r: ExecutionResult = { status: 'FAILED' };
    if (thrown.error !== null) r.error = thrown.error;
    if (thrown.cause !== null && thrown.cause !== undefined) r.cause = thrown.cause;
    return r;
  }
  // A bug in the interpreter (or a non-Error thrown by a mock outside a task): fail loudly but as a result.
  const message = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
  return { status: 'FAILED', error: 'States.Runtime', cause: `Internal interpreter error: ${message}` };
}

/** `$$.Execution`; an Express execution started synchronously (StartSyncExecution) has no `RedriveCount` (recorded). */
function executionContext(setup: ExecutionSetup, startTime: string): JsonObject {
  const context: JsonObject = {
    Id: setup.executionArn,
    Input: setup.input,
    StartTime: setup.redrive?.startTime ?? startTime,
    Name: setup.name,
    RoleArn: setup.roleArn,
  };
  if (!setup.synchronous) context.RedriveCount = setup.redrive?.redriveCount ?? 0;
  if (setup.redrive) context.RedriveTime = setup.redrive.redriveTime;
  return context;
}
