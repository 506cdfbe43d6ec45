import type { Json } from '../../asl/types';
import type { Frame, StateVisit } from '../engine/runtime';
import type { TaskCall } from './invoke-task';
import type { TaskMock } from './task-mocks';

/** One Task attempt as the integration layer sees it. */
export interface TaskAttempt {
  call: TaskCall;
  /** The mock that answers this state, if any (explicit mocks always win). */
  mock: TaskMock | undefined;
  frame: Frame;
  visit: StateVisit;
}

/**
 * The seam between the Task state and the integration patterns (`.sync` jobs, `.waitForTaskToken`
 * callbacks, activities, nested executions). The engine asks it first; when it answers
 * `undefined` the engine falls back to the plain mocked request-response call.
 */
export interface TaskIntegrations {
  invoke(attempt: TaskAttempt): Promise<Json> | undefined;
  /** The task token of a new attempt (`$$.Task.Token`): unique per attempt. */
  issueTaskToken(frame: Frame, visit: StateVisit): string;
  /** What an execution still waits for, in words (used when it ends without progressing). */
  describeWaits?(executionArn: string): string | undefined;
}
