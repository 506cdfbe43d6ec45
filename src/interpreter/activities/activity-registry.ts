import { isValidResourceName } from '../../asl/resource-names';
import type { Clock } from '../clock/clock';
import { StepFunctionsApiError } from '../callbacks/api-error';
import { ActivityQueue, type ActivityTask } from './activity-queue';
import { LIMITS } from '../../asl/limits';

/** `DescribeActivity`'s answer (and a `ListActivities` item). */
export interface ActivityDescription {
  activityArn: string;
  name: string;
  creationDate: Date;
}

interface Activity extends ActivityDescription {
  queue: ActivityQueue;
}

const ACTIVITY_ARN = /^arn:[^:]+:states:[^:]*:[^:]*:activity:(.+)$/;

/**
 * The activities of one interpreter (`CreateActivity`, `DescribeActivity`, `ListActivities`,
 * `DeleteActivity`, `GetActivityTask`). Each activity has one queue shared by every execution.
 *
 * @example
 * const { activityArn } = sfn.activities.create('ageCheck');
 * const task = await sfn.activities.getActivityTask(activityArn, 'worker-1'); // {} after 60 idle seconds
 */
export class ActivityRegistry {
  private readonly activities = new Map<string, Activity>();

  constructor(
    private readonly clock: Clock,
    private readonly region: string,
    private readonly accountId: string,
  ) {}

  /** `CreateActivity` (idempotent: the same name returns the existing activity). */
  create(name: string): { activityArn: string; creationDate: Date } {
    if (!isValidResourceName(name)) {
      throw new StepFunctionsApiError(
        'InvalidName',
        `Invalid Name: '${String(name)}'. An activity name has 1 to ${LIMITS.nameLength} characters, without whitespace, brackets, wildcards or punctuation such as : / # % & $.`,
      );
    }
    const activityArn = `arn:aws:states:${this.region}:${this.accountId}:activity:${name}`;
    const existing = this.activities.get(activityArn);
    if (existing) return { activityArn, creationDate: existing.creationDate };
    const creationDate = new Date(this.clock.now());
    this.activities.set(activityArn, { activityArn, name, creationDate, queue: new ActivityQueue(this.clock) });
    return { activityArn, creationDate };
  }

  describe(activityArn: string): ActivityDescription {
    const { queue: _queue, ...description } = this.require(activityArn);
    return description;
  }

  list(): { activities: ActivityDescription[] } {
    return { activities: [...this.activities.values()].map(({ queue: _queue, ...description }) => description) };
  }

  /** `DeleteActivity`; deleting an unknown activity is not an error (as in AWS). */
  delete(activityArn: string): void {
    this.checkArn(activityArn);
    this.activities.delete(activityArn);
  }

  /** The activity's queue, or `undefined` when no such activity exists. */
  queue(activityArn: string): ActivityQueue | undefined {
    return this.activities.get(activityArn)?.queue;
  }

  /**
   * `GetActivityTask`: `{taskToken, input}` when work is waiting, else waits up to 60 seconds on
   * the interpreter's clock for work, then answers `{}`. Answer the task with `sendTaskSuccess` /
   * `sendTaskFailure`, and keep it alive with `sendTaskHeartbeat`.
   */
  getActivityTask(activityArn: string, workerName?: string, signal?: AbortSignal): Promise<ActivityTask> {
    try {
      return this.require(activityArn).queue.poll(workerName, signal);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private require(activityArn: string): Activity {
    this.checkArn(activityArn);
    const activity = this.activities.get(activityArn);
    if (!activity) throw new StepFunctionsApiError('ActivityDoesNotExist', `Activity Does Not Exist: '${activityArn}'. Create it first with createActivity(name).`);
    return activity;
  }

  private checkArn(activityArn: string): void {
    if (typeof activityArn !== 'string' || !ACTIVITY_ARN.test(activityArn)) {
      throw new StepFunctionsApiError('InvalidArn', `Invalid Arn: '${String(activityArn)}' is not an activity ARN (arn:aws:states:<region>:<account>:activity:<name>).`);
    }
  }
}
