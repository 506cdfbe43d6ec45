import type { Clock } from '../clock/clock';
import { formatTimestamp } from '../clock/timestamp';
import type { StatesError } from '../errors';
import type { ExecutionHistory } from '../history/history';
import type { JsonStore } from '../history/stored-json';
import { keptJson } from './kept-answers';
import type { TaskReceiver } from '../callbacks/callback-registry';
import type { TaskDispatcher } from '../tasks/task-dispatcher';
import { RecordingTaskDispatcher } from './recording-dispatcher';
import type { ExecutionAnswer, TimedAnswer } from './snapshot-format';
import type { MapRunSettings } from '../states/map/map-run';

/**
 * The hooks through which an execution's outside answers are recorded (the engine sees only this
 * interface): callbacks and heartbeats by token, a worker taking an activity task, a stop, a
 * Map Run's settings changed while it runs.
 */
export interface AnswerRecorder {
  /** Wraps a waiting attempt's receiver so what `sendTask*` delivers to it is recorded first. */
  receiverFor(taskToken: string, receiver: TaskReceiver): TaskReceiver;
  activityStarted(taskToken: string, activityArn: string, workerName: string | undefined): void;
  stopped(error: string | undefined, cause: string | undefined): void;
  mapRunUpdated(mapRunArn: string, settings: MapRunSettings): void;
}

/**
 * Every answer one execution received from outside, in arrival order: what makes a snapshot.
 * Recording costs one entry per Task attempt or API call; Pass/Choice transitions record nothing.
 */
export class AnswerLog implements AnswerRecorder {
  readonly entries: ExecutionAnswer[] = [];
  private history: ExecutionHistory | undefined;
  /** The history's store once it keeps big payloads as text: big answers are kept there too (once for both). */
  private store: JsonStore | undefined;

  constructor(
    private readonly clock: Clock,
    /** The execution's random source state at its start. */
    readonly randomState: number | undefined,
  ) {}

  /** Called by the execution once its history exists. */
  bind(history: ExecutionHistory): void {
    this.history = history;
    history.onStoringJson((store) => (this.store = store));
  }

  /** Events recorded so far. */
  get eventCount(): number {
    return this.history?.size ?? 0;
  }

  /** The execution's task dispatcher, recording what its mocks answer. */
  recordingDispatcher(inner: TaskDispatcher): TaskDispatcher {
    return new RecordingTaskDispatcher(inner, this.entries, this.clock, () => this.store);
  }

  receiverFor(taskToken: string, receiver: TaskReceiver): TaskReceiver {
    return {
      succeed: (output) => {
        this.add({ kind: 'taskSuccess', taskToken, output });
        keptJson(this.store, this.entries[this.entries.length - 1], 'output');
        receiver.succeed(output);
      },
      fail: (error: StatesError) => {
        const answer: TimedAnswer = { kind: 'taskFailure', taskToken, ...this.arrival() };
        if (error.error !== null) answer.error = error.error;
        if (error.cause !== null && error.cause !== undefined) answer.cause = error.cause;
        this.entries.push(answer);
        receiver.fail(error);
      },
      heartbeat: () => {
        this.add({ kind: 'taskHeartbeat', taskToken });
        return receiver.heartbeat();
      },
    };
  }

  activityStarted(taskToken: string, activityArn: string, workerName: string | undefined): void {
    this.add(workerName === undefined ? { kind: 'activityStarted', taskToken, activityArn } : { kind: 'activityStarted', taskToken, activityArn, workerName });
  }

  stopped(error: string | undefined, cause: string | undefined): void {
    const answer: TimedAnswer = { kind: 'stop', ...this.arrival() };
    if (error !== undefined) answer.error = error;
    if (cause !== undefined) answer.cause = cause;
    this.entries.push(answer);
  }

  mapRunUpdated(mapRunArn: string, settings: MapRunSettings): void {
    this.add({ kind: 'mapRunUpdate', mapRunArn, settings: { ...settings } });
  }

  private add(answer: DistributiveOmit<TimedAnswer, 'at' | 'afterEvent'>): void {
    this.entries.push({ ...answer, ...this.arrival() } as TimedAnswer);
  }

  private arrival(): { at: string; afterEvent: number } {
    return { at: formatTimestamp(this.clock.now()), afterEvent: this.eventCount };
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
