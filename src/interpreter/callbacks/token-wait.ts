import type { Json } from '../../asl/types';
import { toStatesError } from '../errors';
import { taskInvocation, type TaskCall } from '../tasks/invoke-task';
import type { TaskEvents } from '../tasks/task-events';
import type { TaskAttempt } from '../tasks/task-integrations';
import { isNeverAnswers, type TaskMock } from '../tasks/task-mocks';
import { callMock } from '../tasks/call-mock';
import type { CallbackRegistry } from './callback-registry';
import type { PendingTask } from './pending-task';
import { TaskWait, type AbandonReason } from './task-wait';

/**
 * Opens the attempt's task token: a {@link TaskWait} registered with the callback registry, so
 * `sendTaskSuccess` / `sendTaskFailure` / `sendTaskHeartbeat` reach it, closed however it ends.
 * The wait's clocks start with {@link startWaiting} (at once for callbacks, when a worker takes an
 * activity task).
 */
export function openTokenWait(
  callbacks: CallbackRegistry,
  attempt: TaskAttempt,
  events: TaskEvents,
  kind: PendingTask['kind'],
  hooks: { onAbandon?: (why: AbandonReason) => void; onEnd?: () => void } = {},
): { wait: TaskWait; task: PendingTask } {
  const { call, frame, visit } = attempt;
  const taskToken = visit.taskToken ?? '';
  const task: PendingTask = {
    taskToken,
    kind,
    executionArn: String(frame.runtime.executionContext.Id),
    stateName: visit.name,
    retryCount: visit.retryCount,
    resource: call.resource.arn,
    input: call.input,
    status: 'SCHEDULED',
    scheduledAt: frame.runtime.clock.now(),
  };
  if (call.timeoutSeconds !== undefined) task.timeoutSeconds = call.timeoutSeconds;
  if (call.heartbeatSeconds !== undefined) task.heartbeatSeconds = call.heartbeatSeconds;
  const wait = new TaskWait({
    frame,
    visit,
    events,
    onAbandon: hooks.onAbandon,
    onEnd: (outcome) => {
      callbacks.close(taskToken, outcome);
      hooks.onEnd?.();
    },
  });
  if (!wait.isSettled) callbacks.register(task, frame.runtime.answers?.receiverFor(taskToken, wait) ?? wait);
  return { wait, task };
}

/** Starts the attempt's timeout and heartbeat clocks (a worker took it, or the callback was sent). */
export function startWaiting(task: PendingTask, wait: TaskWait, call: TaskCall, clockNow: number, workerName?: string): void {
  task.status = 'STARTED';
  task.startedAt = clockNow;
  if (workerName !== undefined) task.workerName = workerName;
  Object.assign(task, wait.armLimits(call.timeoutSeconds, call.heartbeatSeconds));
}

/**
 * Lets a mock answer a waiting attempt, as the callback/worker would have: its value is what was
 * sent with `SendTaskSuccess`, a thrown error what was sent with `SendTaskFailure`, and
 * `neverAnswers()` leaves the attempt waiting for `sendTask*`, its timeouts or an abort.
 */
export function answerFromMock(wait: TaskWait, mock: TaskMock, attempt: TaskAttempt): void {
  const { call, frame, visit } = attempt;
  const invocation = taskInvocation(call, frame, visit);
  callMock(frame.runtime.clock, mock, call.input, invocation).then(
      (value) => {
        if (!isNeverAnswers(value)) wait.succeed(value as Json);
      },
      (thrown) => wait.fail(toStatesError(thrown)),
    );
}
