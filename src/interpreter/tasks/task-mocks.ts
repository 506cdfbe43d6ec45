import type { Json } from '../../asl/types';
import { StatesError } from '../errors';
import type { SyncJob } from '../jobs/sync-job';
import type { TaskTarget } from './task-target';

/** What a mock is told about the call it answers. */
export interface TaskInvocation {
  /** The Task state's name. */
  stateName: string;
  resource: TaskTarget;
  /** The effective input (after InputPath/Parameters or Arguments): what the service receives. */
  input: Json;
  /** The context object (`$$`), including `Task.Token`. */
  context: Json;
  /** The task token of this attempt (for callbacks and activities). */
  taskToken: string;
  /** 0 for the first call of this state in the execution, then 1, 2, ... (retries included). */
  invocationIndex: number;
  /** `$$.State.RetryCount`. */
  retryCount: number;
}

const NEVER_ANSWERS: unique symbol = Symbol('statecraft.neverAnswers');

/** The marker a mock returns for a call that is never answered (a lost callback, a hung worker). */
export interface NeverAnswers {
  readonly [NEVER_ANSWERS]: true;
}

/**
 * Returned by a mock: the task never answers, so the state's `TimeoutSeconds`/`HeartbeatSeconds`
 * (or the execution timeout) fires on the clock and the task fails with `States.Timeout`.
 *
 * @example
 * mocks: { WaitForApproval: () => neverAnswers() }
 */
export function neverAnswers(): NeverAnswers {
  return { [NEVER_ANSWERS]: true };
}

export function isNeverAnswers(value: unknown): value is NeverAnswers {
  return typeof value === 'object' && value !== null && NEVER_ANSWERS in value;
}

/**
 * A mocked task: returns the result (for `.waitForTaskToken` and activities: what the worker sent
 * back with `SendTaskSuccess`), or throws {@link taskFailure} (any other thrown Error becomes
 * error = its name, cause = its message), or returns {@link neverAnswers}.
 *
 * For `arn:aws:states:::lambda:invoke` return the function's payload: it is wrapped in the Lambda
 * response (`{ExecutedVersion, Payload, SdkHttpMetadata, SdkResponseMetadata, StatusCode}`) unless
 * the value already has that shape (an object with `Payload` and `StatusCode`) or the mock is
 * marked {@link resultAsWritten} (as MockConfigFile mocks are).
 *
 * A mock may be `async` and await anything real: the virtual clock stands still until it answers
 * (so a promise that never settles holds it for good: return {@link neverAnswers} instead).
 */
export type TaskMock = (input: Json, invocation: TaskInvocation) => TaskAnswer | Promise<TaskAnswer>;

/** What a mock returns: the result, {@link neverAnswers}, or for a `.sync` task a running job (`syncJob({ seconds, output })`). */
export type TaskAnswer = Json | NeverAnswers | SyncJob;

/** Mocks keyed by Task state name or by Resource ARN (state names win). */
export type TaskMocks = Record<string, TaskMock>;

/**
 * The error a mock throws to fail its task, named as the service would name it.
 *
 * @example
 * mocks: { Charge: () => { throw taskFailure('Payment.Declined', 'card expired'); } }
 */
export function taskFailure(error: string | null, cause?: string | null): StatesError {
  return new StatesError(error, cause);
}

const AS_WRITTEN: unique symbol = Symbol('statecraft.resultAsWritten');

/**
 * Marks a mock whose answers are the task's result exactly as written: a `lambda:invoke` answer is
 * not wrapped in the Lambda response (MockConfigFile `Return`s are whole responses). Returns `mock`.
 */
export function resultAsWritten(mock: TaskMock): TaskMock {
  (mock as TaskMock & { [AS_WRITTEN]?: true })[AS_WRITTEN] = true;
  return mock;
}

/** Whether {@link resultAsWritten} marked `mock`. */
export function answersAsWritten(mock: TaskMock): boolean {
  return (mock as TaskMock & { [AS_WRITTEN]?: true })[AS_WRITTEN] === true;
}

/** A mock that always returns `value`. */
export function mockResult(value: Json): TaskMock {
  return () => value;
}
