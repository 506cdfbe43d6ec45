import type { Json } from '../../asl/types';
import type { Clock } from '../clock/clock';
import type { S3ObjectStore } from '../map-run-io';
import type { MockConfigFile } from '../tasks/mock-config-file';
import type { MockHintStyle } from '../tasks/missing-mock-hint';
import type { TaskMocks } from '../tasks/task-mocks';

/** An execution's status, as `DescribeExecution` reports it. */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
/** `STANDARD` or `EXPRESS`. */
export type StateMachineType = 'STANDARD' | 'EXPRESS';

/** How an execution ended. `error`/`cause` are absent when AWS would not report them. */
export interface ExecutionResult {
  status: Exclude<ExecutionStatus, 'RUNNING'>;
  output?: Json;
  error?: string;
  cause?: string;
}

/** Options of `new Interpreter(...)`. */
export interface InterpreterOptions {
  /** `'virtual'` (default: timers jump when the process is idle), `'real'`, or your own {@link Clock}. */
  clock?: 'virtual' | 'real' | Clock;
  /** Virtual clock start (ISO 8601, Date or epoch ms). Default: now. */
  startTime?: string | number | Date;
  /** Seeds every random draw (jitter, UUIDs, task tokens, `States.MathRandom`, `$random()`). Default 0. */
  seed?: number;
  region?: string;
  accountId?: string;
  /** Mocks for every execution (keyed by Task state name or Resource ARN). */
  mocks?: TaskMocks;
  /** An AWS Step Functions Local MockConfigFile; pick a test case per execution with `testCase`. */
  mockConfig?: MockConfigFile;
  /** The S3 that Distributed Map ItemReader/ResultWriter use. Default: an empty in-memory S3. */
  s3?: S3ObjectStore;
  /** History event limit for STANDARD executions (AWS: 25,000). */
  maxHistoryEvents?: number;
  /**
   * Event limit for EXPRESS executions (default 1,000,000). AWS keeps no Express history but ends
   * an Express execution after 5 minutes; states that take no virtual time (Pass, Choice) never
   * reach that here, so this cap is what stops an endless loop instead of hanging.
   */
  maxExpressEvents?: number;
  /**
   * Keep history events (default `true`). `false` still enforces the event limit and numbers
   * events, but `execution.history()` returns `[]`: less memory for benchmarks and huge runs.
   */
  recordHistory?: boolean;
}

/** Options of `interpreter.createStateMachine(definition, options)`. */
export interface StateMachineOptions {
  /** Default `'StateMachine'`. */
  name?: string;
  /** Default `'STANDARD'`. */
  type?: StateMachineType;
  /** `$$.Execution.RoleArn`. Default `arn:aws:iam::<account>:role/StatecraftExecutionRole`. */
  roleArn?: string;
}

/** Options of `stateMachine.startExecution(input, options)`. */
export interface StartExecutionOptions {
  /** Default: a UUID drawn from the seeded random source. */
  name?: string;
  /** Mocks for this execution; they win over the interpreter's. Child executions it starts (`states:startExecution`) inherit them. */
  mocks?: TaskMocks;
  /**
   * Mocks inherited from the execution that started this one with a `states:startExecution` Task
   * (nearest parent first): below this execution's own `mocks`, above its test case and the
   * interpreter's mocks. Set by the interpreter; rarely passed by hand.
   */
  inheritedMocks?: readonly TaskMocks[];
  /** The MockConfigFile test case to answer tasks with (needs `mockConfig`). */
  testCase?: string;
  /** Overrides the interpreter's `mockConfig` for this execution. */
  mockConfig?: MockConfigFile;
  /**
   * How a Task with no mock explains what to do: `'code'` (default) shows a `mocks: {...}` entry,
   * `'mock-file'` a MockConfigFile entry (the CLI's users mock only through the file).
   */
  mockHints?: MockHintStyle;
  /** Express only: start as StartSyncExecution does (its `$$.Execution` has no `RedriveCount`). */
  synchronous?: boolean;
  /** Runs the execution as a redrive of an earlier attempt (see {@link planRedrive}): `name` must be that attempt's. */
  redrive?: ExecutionRedrive;
}

/**
 * Where and how a redriven execution (AWS's RedriveExecution) goes on: from the top-level state
 * that did not complete, with the input it had entered with and the variables assigned before it.
 * When that state is a Parallel or Map, `inner` says which branches, iterations or Map Run child
 * executions keep their results and where the others go on (nested as deep as they go).
 * Its history starts with `ExecutionRedriven`; `$$.Execution` keeps the first attempt's `Input`
 * and `StartTime` and gains `RedriveCount` and `RedriveTime`; retry counters and the execution's
 * `TimeoutSeconds` start afresh (AWS: "the state machine level timeout is reset to 0").
 */
export interface ExecutionRedrive extends RedriveResume {
  /** 1 for the first redrive. */
  redriveCount: number;
  /** ISO 8601: when the redrive was asked for (`$$.Execution.RedriveTime`). */
  redriveTime: string;
  /** ISO 8601: when the first attempt started (`$$.Execution.StartTime`). */
  startTime: string;
}

/** Where one thread (the execution, a Parallel branch, a Map iteration, a Map Run child) goes on. */
export interface RedriveResume {
  fromState: string;
  stateInput: Json;
  /** The variables the thread's own scope held before `fromState`. */
  variables: Record<string, Json>;
  /** `fromState` is a Parallel or Map whose last attempt ran children: what becomes of each. */
  inner?: RedriveInner;
}

/**
 * A redriven Parallel's branches or inline Map's iterations (by index), or a redriven Distributed
 * Map's Map Run (AWS: "reschedules and redrives only the iterations and branches that failed or
 * aborted"; a Map Run redrives only its unsuccessful child executions).
 */
export type RedriveInner =
  | { kind: 'children'; children: RedriveChild[] }
  | { kind: 'mapRun'; mapRunArn: string; redriveCount: number; startDate: string; children: MapRunRedriveChild[] };

/** A branch/iteration: `kept` output (it succeeded: not run again), `resume` point, or `null` (runs from its start). */
export type RedriveChild = { kept: Json } | { resume: RedriveResume } | null;

/**
 * A Map Run child execution: `kept` output (it succeeded), a Standard child `redrive`n under its
 * own name and ARN, or `null`: started anew (it never started, or is an Express child, which AWS
 * restarts with StartExecution).
 */
export type MapRunRedriveChild = { kept: MapRunKeptChild } | { redrive: MapRunChildRedrive } | null;

/** A Map Run child that succeeded in an earlier attempt: its output and what a ResultWriter reports of it. */
export interface MapRunKeptChild {
  name: string;
  output: Json;
  startDate: string;
  stopDate: string;
}

/**
 * A failed Standard child of a Map Run, redriven under its own name and ARN: where it resumes and
 * how many times it has been redriven (AWS redrives such children rather than starting them anew).
 */
export interface MapRunChildRedrive extends RedriveResume {
  /** The child execution's name (its ARN ends with it). */
  name: string;
  /** The child's own redrive count (1 for its first). */
  redriveCount: number;
  /** ISO 8601: when the child first started. */
  startTime: string;
}
