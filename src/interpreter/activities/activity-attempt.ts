import type { Json } from '../../asl/types';
import { answerFromMock, openTokenWait, startWaiting } from '../callbacks/token-wait';
import type { CallbackRegistry } from '../callbacks/callback-registry';
import { record } from '../engine/runtime';
import { StatesError } from '../errors';
import { markLocated } from '../error-handling/locate-error';
import { recordScheduling } from '../tasks/invoke-task';
import { TaskEvents } from '../tasks/task-events';
import type { TaskAttempt } from '../tasks/task-integrations';
import type { ActivityRegistry } from './activity-registry';

/**
 * An activity attempt: `ActivityScheduled`, then the work waits in the activity's queue until a
 * worker's `getActivityTask` takes it (`ActivityStarted` with the worker's name; the timeout and
 * heartbeat clocks start then), then the worker answers by token. A mock answers as a worker
 * would, at once. An activity that does not exist fails the task (`ActivityScheduleFailed`).
 */
export function runActivityAttempt(callbacks: CallbackRegistry, activities: ActivityRegistry, attempt: TaskAttempt): Promise<Json> {
  const { call, frame, mock } = attempt;
  const events = new TaskEvents(frame, call.resource);
  recordScheduling(events, call, frame);
  const clock = frame.runtime.clock;

  if (mock) {
    events.started();
    const { wait, task } = openTokenWait(callbacks, attempt, events, 'activity');
    startWaiting(task, wait, call, clock.now(), MOCK_WORKER_NAME);
    answerFromMock(wait, mock, attempt);
    return wait.promise;
  }

  const queue = activities.queue(call.resource.arn);
  if (!queue) {
    // A CLI user cannot create activities: only the mock file's words help them.
    const { tasks } = frame.runtime;
    const fix =
      tasks.mockHintStyle === 'mock-file'
        ? `Mock the state instead. ${tasks.missingMockHint?.(attempt.visit.name, call.resource) ?? ''}`
        : 'Create it with createActivity(name) before starting the execution, or mock the state.';
    const error = new StatesError('States.Runtime', `The activity '${call.resource.arn}' of state '${attempt.visit.name}' does not exist. ${fix}`);
    record(frame, 'ActivityScheduleFailed', { error: error.error, cause: error.cause });
    return Promise.reject(markLocated(error));
  }
  const taskToken = attempt.visit.taskToken ?? '';
  const { wait, task } = openTokenWait(callbacks, attempt, events, 'activity', { onEnd: () => queue.withdraw(taskToken) });
  if (wait.isSettled) return wait.promise;
  queue.offer({
    taskToken,
    input: JSON.stringify(call.input),
    start: (workerName) => {
      frame.runtime.answers?.activityStarted(taskToken, call.resource.arn, workerName);
      record(frame, 'ActivityStarted', workerName === undefined ? undefined : { workerName });
      startWaiting(task, wait, call, clock.now(), workerName);
    },
  });
  return wait.promise;
}

/** The worker name `ActivityStarted` shows when a mock plays the worker. */
export const MOCK_WORKER_NAME = 'statecraft-mock';
