import type { Json } from '../../asl/types';
import { runActivityAttempt } from '../activities/activity-attempt';
import { ActivityRegistry } from '../activities/activity-registry';
import type { Clock } from '../clock/clock';
import type { Frame, StateVisit } from '../engine/runtime';
import { runJobAttempt } from '../jobs/job-attempt';
import { JobRegistry } from '../jobs/job-registry';
import { runNestedStart } from '../nested/nested-request';
import { nestedTarget } from '../nested/nested-start';
import { StateMachineRegistry } from '../nested/state-machine-registry';
import { randomUuid } from '../random/seeded-random';
import type { TaskAttempt, TaskIntegrations } from '../tasks/task-integrations';
import { runCallbackAttempt } from './callback-attempt';
import { CallbackRegistry } from './callback-registry';
import { encodeTaskToken } from './task-token';

/**
 * Everything one interpreter shares between its executions for the integration patterns: open
 * task tokens, activities and their queues, `.sync` jobs, and the state machines nested
 * executions can start.
 *
 * Precedence for a Task attempt: an explicit mock answers (for a callback or activity task: as
 * the callback/worker would; for `.sync`: as the job would, see `syncJob`). Without a mock, a
 * `.waitForTaskToken` task waits for `sendTask*`, an activity task waits for a worker, and a
 * `states:startExecution` on a registered state machine runs it for real; anything else needs a mock.
 */
export class IntegrationRuntime implements TaskIntegrations {
  readonly callbacks = new CallbackRegistry();
  readonly jobs = new JobRegistry();
  readonly machines = new StateMachineRegistry();
  readonly activities: ActivityRegistry;

  constructor(clock: Clock, region: string, accountId: string) {
    this.activities = new ActivityRegistry(clock, region, accountId);
  }

  issueTaskToken(frame: Frame, visit: StateVisit): string {
    return encodeTaskToken({
      executionArn: String(frame.runtime.executionContext.Id),
      stateName: visit.name,
      retryCount: visit.retryCount,
      nonce: randomUuid(frame.runtime.random),
    });
  }

  invoke(attempt: TaskAttempt): Promise<Json> | undefined {
    const { resource } = attempt.call;
    if (resource.kind === 'activity') return runActivityAttempt(this.callbacks, this.activities, attempt);
    const child = attempt.mock ? undefined : nestedTarget(this.machines, attempt.call);
    switch (resource.pattern) {
      case 'waitForTaskToken':
        return runCallbackAttempt(this.callbacks, attempt, child);
      case 'sync':
      case 'sync:2':
        return attempt.mock || child ? runJobAttempt(this.jobs, attempt, child) : undefined;
      case 'request-response':
        return child ? runNestedStart(attempt, child) : undefined;
    }
  }

  /**
   * What an execution is still waiting for, in words (for the result of an execution that cannot
   * progress). `callbacks: false` leaves out the task tokens (a resumed execution's replay runtime,
   * whose open tokens were handed to the live one and would be counted twice).
   */
  describeWaits(executionArn: string, { callbacks = true }: { callbacks?: boolean } = {}): string | undefined {
    const waits = (callbacks ? this.callbacks.pending({ executionArn }) : []).map((t) =>
      t.kind === 'activity' && t.status === 'SCHEDULED'
        ? `state '${t.stateName}' waits for a worker of activity ${t.resource}`
        : `state '${t.stateName}' waits for SendTaskSuccess/SendTaskFailure on its task token`,
    );
    const jobs = this.jobs.list({ executionArn, status: 'RUNNING' }).map((j) => `state '${j.stateName}' waits for its job ${j.jobId} (${j.resource})`);
    const all = [...waits, ...jobs];
    return all.length === 0 ? undefined : all.join('; ');
  }
}
