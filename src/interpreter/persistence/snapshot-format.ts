import type { Json, StateMachineDefinition } from '../../asl/types';
import type { ExecutionRedrive, ExecutionResult, ExecutionStatus, StateMachineType } from '../execution/types';
import type { MapRunSettings } from '../states/map/map-run';

/** The snapshot format this interpreter writes and reads. */
export const SNAPSHOT_VERSION = 1;

/**
 * A saved execution as plain JSON (`JSON.stringify`-able): what it ran, how it started, and every
 * answer it received from outside, so `interpreter.resumeExecution(snapshot)` can rebuild it by
 * running it again. Times are ISO 8601 strings on the interpreter's clock.
 */
export interface ExecutionSnapshot {
  version: typeof SNAPSHOT_VERSION;
  stateMachine: { name: string; arn: string; type: StateMachineType; roleArn: string; definition: StateMachineDefinition };
  execution: {
    name: string;
    arn: string;
    input: Json;
    startTime: string;
    region: string;
    accountId: string;
    /** The execution's seeded random source at its start (task tokens, jitter, UUIDs come out identical). */
    randomState: number;
    /** Started with StartSyncExecution. */
    synchronous: boolean;
    /** This run redrives an earlier attempt from there (absent: a first attempt). */
    redrive?: ExecutionRedrive;
  };
  /** External inputs: mock answers by Task attempt, then callbacks, workers, stops and Map Run updates in arrival order. */
  answers: ExecutionAnswer[];
  /** The interpreter's clock when the snapshot was taken. */
  clockNow: string;
  status: ExecutionStatus;
  /** Present once the execution ended. */
  result?: ExecutionResult;
  /** The history at the snapshot (GetExecutionHistory's events, timestamps as ISO text): the replay must reproduce it exactly. */
  history: Json[];
}

/** What a mock did for one Task attempt. */
export type MockOutcome =
  | { value: Json }
  | { returnedUndefined: true }
  | { neverAnswers: true }
  | { syncJob: { seconds?: number; output?: Json; error?: string; cause?: string; runsForever?: boolean } }
  | { error: string | null; cause?: string | null }
  /**
   * A JSON result over the payload limit: the task failed with `States.DataLimitExceeded`, and the
   * result itself is not kept (a loop of rejected results would otherwise grow the snapshot
   * without bound, issue 8). Replayed as a value over the limit, which fails the same way.
   */
  | { overLimit: true };

/**
 * The `call`-th Task attempt of `state` (counted from 0 over the execution) had a mock; `outcome`
 * is its answer (absent: it had not answered when the snapshot was taken). `async`: the mock
 * returned a promise (replayed as one, so concurrent branches interleave as they did).
 */
export interface MockAnswer {
  kind: 'mock';
  state: string;
  call: number;
  outcome?: MockOutcome;
  async?: true;
  /** The mock's result is the task's result as written (a MockConfigFile mock): replayed the same way. */
  asWritten?: true;
  /**
   * When an `async` mock's answer arrived (ISO 8601), if the clock had moved since the call (a
   * real clock while the mock awaited a real service): the replay answers at that time too.
   */
  at?: string;
}

/** When an outside answer arrived: the clock, and how many history events existed then. */
interface Arrival {
  at: string;
  afterEvent: number;
}

/** A recorded answer that arrived at a virtual time (a callback, an activity result). */
export type TimedAnswer = Arrival &
  (
    | { kind: 'taskSuccess'; taskToken: string; output: Json }
    | { kind: 'taskFailure'; taskToken: string; error?: string; cause?: string }
    | { kind: 'taskHeartbeat'; taskToken: string }
    | { kind: 'activityStarted'; taskToken: string; activityArn: string; workerName?: string }
    | { kind: 'stop'; error?: string; cause?: string }
    /** UpdateMapRun on a running Map Run of this execution (or of one of its child executions). */
    | { kind: 'mapRunUpdate'; mapRunArn: string; settings: MapRunSettings }
  );

/** One recorded answer in an execution snapshot (a mock result or a timed event). */
export type ExecutionAnswer = MockAnswer | TimedAnswer;

/**
 * Every answer kind this interpreter replays (a `Record`, so a new kind cannot be left out). A
 * snapshot with another kind was written by a newer Statecraft: refused, never replayed without it.
 */
export const ANSWER_KINDS: Record<ExecutionAnswer['kind'], true> = {
  mock: true,
  taskSuccess: true,
  taskFailure: true,
  taskHeartbeat: true,
  activityStarted: true,
  stop: true,
  mapRunUpdate: true,
};
