import type { Clock, Timer } from '../clock/clock';
import { LIMITS } from '../../asl/limits';

/** `GetActivityTask`'s answer: a task, or `{}` when no work arrived within the long poll. */
export interface ActivityTask {
  taskToken?: string;
  /** The task's input as JSON text, as AWS sends it. */
  input?: string;
}

/** Work scheduled on an activity: handed to exactly one worker. */
export interface ActivityWork {
  taskToken: string;
  input: string;
  /** Called when a worker receives the work (records `ActivityStarted`, starts the timeouts). */
  start(workerName: string | undefined): void;
}

interface Poller {
  workerName: string | undefined;
  resolve: (task: ActivityTask) => void;
  timer: Timer;
}


/**
 * One activity's queue: scheduled work waits for a worker, idle workers wait for work (first come,
 * first served on both sides). Shared by every execution of every state machine using the activity.
 */
export class ActivityQueue {
  private work: ActivityWork[] = [];
  private pollers: Poller[] = [];
  /** Where the waiting work went when a resumed execution went live (see {@link ActivityQueue.moveWorkTo}). */
  private movedTo: ActivityQueue | undefined;

  constructor(private readonly clock: Clock) {}

  /** Schedules work: the longest-waiting worker gets it now, else it waits in line. */
  offer(work: ActivityWork): void {
    const poller = this.pollers.shift();
    if (!poller) {
      this.work.push(work);
      return;
    }
    poller.timer.cancel();
    deliver(work, poller.workerName, poller.resolve);
  }

  /** Removes work no worker took yet (its attempt ended: abort, execution timeout, answer by token). */
  withdraw(taskToken: string): void {
    this.work = this.work.filter((w) => w.taskToken !== taskToken);
    this.movedTo?.withdraw(taskToken);
  }

  /**
   * Hands the waiting work to `target` (a resumed execution going live in its interpreter); work
   * withdrawn later is withdrawn there.
   */
  moveWorkTo(target: ActivityQueue): void {
    const work = this.work;
    this.work = [];
    this.movedTo = target;
    for (const w of work) target.offer(w);
  }

  /** Work waiting for a worker. */
  get backlog(): number {
    return this.work.length;
  }

  /** Workers waiting for work. */
  get idleWorkers(): number {
    return this.pollers.length;
  }

  /**
   * `GetActivityTask`: work now if some is waiting, else the next work within 60 (clock) seconds,
   * else `{}`. `signal` ends the wait early with `{}` (a worker shutting down takes no more work).
   */
  poll(workerName: string | undefined, signal?: AbortSignal): Promise<ActivityTask> {
    if (signal?.aborted) return Promise.resolve({});
    const work = this.work.shift();
    if (work) return new Promise((resolve) => deliver(work, workerName, resolve));
    return new Promise((resolve) => {
      const leave = () => {
        this.pollers = this.pollers.filter((p) => p !== poller);
        poller.timer.cancel();
        resolve({});
      };
      const poller: Poller = {
        workerName,
        resolve: (task) => {
          signal?.removeEventListener('abort', leave);
          resolve(task);
        },
        timer: (this.clock.setWallTimer ?? this.clock.setTimer).call(this.clock, LIMITS.activityPollSeconds * 1000, () => {
          signal?.removeEventListener('abort', leave);
          leave();
        }),
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.pollers.push(poller);
    });
  }
}

function deliver(work: ActivityWork, workerName: string | undefined, resolve: (task: ActivityTask) => void): void {
  work.start(workerName);
  resolve({ taskToken: work.taskToken, input: work.input });
}
