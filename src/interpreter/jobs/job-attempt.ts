import type { Json } from '../../asl/types';
import type { AbandonReason } from '../callbacks/task-wait';
import { TaskWait } from '../callbacks/task-wait';
import { StatesError, toStatesError } from '../errors';
import { syncFailureCause, syncSuccessOutput } from '../nested/nested-output';
import { startChild } from '../nested/nested-start';
import type { NestedMachine } from '../nested/state-machine-registry';
import { recordScheduling, taskInvocation } from '../tasks/invoke-task';
import { TaskEvents } from '../tasks/task-events';
import type { TaskAttempt } from '../tasks/task-integrations';
import { isNeverAnswers } from '../tasks/task-mocks';
import { callMock } from '../tasks/call-mock';
import type { JobRecord, JobRegistry } from './job-registry';
import { isSyncJob, syncJob, type SyncJobSpec } from './sync-job';

type Cancel = (why: AbandonReason) => void;

/**
 * A `.sync` attempt: the job is submitted (`TaskScheduled`, `TaskStarted`, `TaskSubmitted`), runs,
 * and the task ends with its result or failure (`TaskSucceeded` / `TaskFailed`). When the task
 * gives the job up (stop, failing sibling, timeout) the job is cancelled: a mocked job's
 * `onCancel` hears it, a child execution is stopped, and the job registry records it.
 */
export function runJobAttempt(jobs: JobRegistry, attempt: TaskAttempt, child: NestedMachine | undefined): Promise<Json> {
  const { call, frame, visit, mock } = attempt;
  const events = new TaskEvents(frame, call.resource);
  recordScheduling(events, call, frame);
  events.started();
  let cancel: Cancel | undefined;
  const wait = new TaskWait({ frame, visit, events, onAbandon: (why) => cancel?.(why) });
  wait.armLimits(call.timeoutSeconds, call.heartbeatSeconds);

  if (mock) {
    const invocation = taskInvocation(call, frame, visit);
    callMock(frame.runtime.clock, mock, call.input, invocation).then(
        (value) => {
          if (wait.isSettled) return;
          if (isNeverAnswers(value)) cancel = runMockJob(jobs, attempt, wait, syncJob({ runsForever: true }));
          else if (isSyncJob(value)) cancel = runMockJob(jobs, attempt, wait, value);
          else wait.succeed(value as Json);
        },
        (thrown) => wait.fail(toStatesError(thrown)),
      );
  } else if (child) {
    cancel = runChildJob(jobs, attempt, wait, child);
  }
  return wait.promise;
}

function submit(jobs: JobRegistry, attempt: TaskAttempt, endsAt: number | undefined, childExecutionArn?: string): JobRecord {
  const { frame, visit, call } = attempt;
  const job: Omit<JobRecord, 'jobId' | 'status'> = {
    executionArn: String(frame.runtime.executionContext.Id),
    stateName: visit.name,
    resource: call.resource.arn,
    submittedAt: frame.runtime.clock.now(),
  };
  if (endsAt !== undefined) job.endsAt = endsAt;
  if (childExecutionArn !== undefined) job.childExecutionArn = childExecutionArn;
  return jobs.submit(job);
}

function runMockJob(jobs: JobRegistry, attempt: TaskAttempt, wait: TaskWait, spec: SyncJobSpec): Cancel {
  const clock = attempt.frame.runtime.clock;
  const ms = (spec.seconds ?? 0) * 1000;
  const job = submit(jobs, attempt, spec.runsForever ? undefined : clock.now() + ms);
  const timer = spec.runsForever
    ? undefined
    : clock.setTimer(ms, () => {
        if (spec.error !== undefined) {
          jobs.end(job, 'FAILED', clock.now());
          wait.fail(new StatesError(spec.error, spec.cause));
        } else {
          jobs.end(job, 'SUCCEEDED', clock.now());
          wait.succeed(spec.output === undefined ? {} : spec.output);
        }
      });
  return (why) => {
    timer?.cancel();
    jobs.end(job, 'CANCELLED', clock.now(), why);
    spec.onCancel?.({ ...job });
  };
}

function runChildJob(jobs: JobRegistry, attempt: TaskAttempt, wait: TaskWait, machine: NestedMachine): Cancel | undefined {
  const { call, frame } = attempt;
  const pattern = call.resource.pattern === 'sync:2' ? 'sync:2' : 'sync';
  const clock = frame.runtime.clock;
  let execution;
  try {
    execution = startChild(machine, call, frame);
  } catch (thrown) {
    wait.fail(toStatesError(thrown));
    return undefined;
  }
  const child = execution;
  const job = submit(jobs, attempt, undefined, child.executionArn);
  child.result.then((result) => {
    if (wait.isSettled) return;
    const description = child.describe();
    if (result.status === 'SUCCEEDED') {
      jobs.end(job, 'SUCCEEDED', clock.now());
      wait.succeed(syncSuccessOutput(description, pattern));
    } else {
      jobs.end(job, 'FAILED', clock.now());
      wait.fail(new StatesError('States.TaskFailed', syncFailureCause(description, pattern)));
    }
  });
  return (why) => {
    jobs.end(job, 'CANCELLED', clock.now(), why);
    child.stop();
  };
}
