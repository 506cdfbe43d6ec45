import type { Json } from '../../asl/types';
import { IntegrationRuntime } from '../callbacks/integration-runtime';
import type { Frame, StateVisit } from '../engine/runtime';
import type { TaskAttempt, TaskIntegrations } from '../tasks/task-integrations';
import { nestedTarget } from '../nested/nested-start';
import type { ReplayClock } from './replay-clock';

/**
 * The integrations of a resumed execution. While it replays, its callbacks, activity tasks and
 * jobs live in a private runtime on the replay clock, so nothing outside (a worker polling the
 * interpreter, `nextPending`) sees an attempt that was already answered before the snapshot.
 * Going live moves what is still open (task tokens, activity work nobody took) into the
 * interpreter's runtime; new attempts start there.
 */
export class ResumedIntegrations implements TaskIntegrations {
  readonly replay: IntegrationRuntime;
  private current: TaskIntegrations;
  /**
   * Set when the replay reached a Task that starts a child execution of a machine this interpreter
   * runs: a snapshot keeps no child execution (its answers, its tokens), so the resume must stop
   * with this reason rather than run the child anew or fail the parent.
   */
  unsupported: string | undefined;

  constructor(
    clock: ReplayClock,
    region: string,
    accountId: string,
    private readonly live: IntegrationRuntime,
    activityNames: readonly string[],
  ) {
    this.replay = new IntegrationRuntime(clock, region, accountId);
    for (const name of activityNames) this.replay.activities.create(name);
    this.current = this.replay;
  }

  invoke(attempt: TaskAttempt): Promise<Json> | undefined {
    if (this.current === this.replay && !attempt.mock) {
      const child = nestedTarget(this.live.machines, attempt.call);
      if (child) {
        this.unsupported ??=
          `its Task state '${attempt.visit.name}' started a child execution of ${child.stateMachineArn}, and child executions (states:startExecution) are not kept in snapshots or journals yet`;
        // Never settles: the replay stops at its next idle point with the reason.
        return new Promise<Json>(() => {});
      }
    }
    return this.current.invoke(attempt);
  }

  issueTaskToken(frame: Frame, visit: StateVisit): string {
    return this.current.issueTaskToken(frame, visit);
  }

  describeWaits(executionArn: string): string | undefined {
    const live = this.current === this.live;
    // Once live, the open tokens are the live runtime's (transferOpenTo): count them there only.
    const waits = live ? [this.live.describeWaits(executionArn), this.replay.describeWaits(executionArn, { callbacks: false })] : [this.replay.describeWaits(executionArn)];
    return waits.filter((w) => w !== undefined).join('; ') || undefined;
  }

  /** Hands open task tokens and untaken activity work to the interpreter's runtime. */
  goLive(): void {
    this.current = this.live;
    this.replay.callbacks.transferOpenTo(this.live.callbacks);
    for (const { activityArn, name } of this.replay.activities.list().activities) {
      const queue = this.live.activities.queue(activityArn) ?? (this.live.activities.create(name), this.live.activities.queue(activityArn));
      if (queue) this.replay.activities.queue(activityArn)?.moveWorkTo(queue);
    }
  }
}
