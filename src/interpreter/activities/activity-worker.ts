import type { Json } from '../../asl/types';
import { toStatesError } from '../errors';
import type { ActivityTask } from './activity-queue';
import type { Clock } from '../clock/clock';
import { holdWhileWorking } from '../tasks/call-mock';

/** The API calls a worker makes (an {@link Interpreter} provides them; later, an AWS SDK client can too). */
export interface ActivityWorkerApi {
  getActivityTask(activityArn: string, workerName?: string, signal?: AbortSignal): Promise<ActivityTask>;
  sendTaskSuccess(taskToken: string, output: string): void;
  sendTaskFailure(taskToken: string, error?: string, cause?: string): void;
  sendTaskHeartbeat(taskToken: string): void;
  /**
   * The clock the tasks wait on (an {@link Interpreter} has one): it is held while the handler
   * works, so an async handler takes no virtual time.
   */
  readonly clock?: Clock;
}

/** What a handler gets besides the input. */
export interface ActivityTaskContext {
  taskToken: string;
  workerName: string;
  /** Sends `SendTaskHeartbeat` for this task. */
  heartbeat(): void;
}

/** Returns the task's output, or throws (`taskFailure(error, cause)`, or any Error: error = its name, cause = its message). */
export type ActivityHandler = (input: Json, task: ActivityTaskContext) => Json | Promise<Json>;

/** A running activity worker started by `startActivityWorker`; `stop()` ends it. */
export interface ActivityWorker {
  readonly workerName: string;
  /** Tasks answered so far (successes and failures). */
  readonly answered: number;
  /** Answers the API refused (the task had timed out or was closed meanwhile), with the reason. */
  readonly rejectedAnswers: readonly { taskToken: string; error: string }[];
  /** Stops polling (an open long poll ends at once); resolves when the task in hand, if any, is answered. */
  stop(): Promise<void>;
}

/**
 * A worker loop, as an activity worker runs it on AWS: poll `GetActivityTask`, run `handler`,
 * answer with `SendTaskSuccess` or `SendTaskFailure`, repeat until stopped.
 *
 * @example
 * const worker = startActivityWorker(sfn, activityArn, (input) => {
 *   if ((input as { age: number }).age >= 18) return { type: 'adult', message: 'allowed' };
 *   throw taskFailure('age check failed', 'child under 18 is not allowed!');
 * }, { workerName: 'age-checker' });
 * ...
 * await worker.stop();
 */
export function startActivityWorker(
  api: ActivityWorkerApi,
  activityArn: string,
  handler: ActivityHandler,
  options: { workerName?: string } = {},
): ActivityWorker {
  const workerName = options.workerName ?? 'statecraft-worker';
  const stopping = new AbortController();
  const rejectedAnswers: { taskToken: string; error: string }[] = [];
  let answered = 0;

  const answer = (taskToken: string, send: () => void) => {
    try {
      send();
      answered++;
    } catch (error) {
      rejectedAnswers.push({ taskToken, error: (error as Error).name });
    }
  };

  const loop = async () => {
    while (!stopping.signal.aborted) {
      const task = await api.getActivityTask(activityArn, workerName, stopping.signal);
      if (task.taskToken === undefined) continue;
      const taskToken = task.taskToken;
      const context: ActivityTaskContext = { taskToken, workerName, heartbeat: () => api.sendTaskHeartbeat(taskToken) };
      try {
        const output = await holdWhileWorking(api.clock, handler(JSON.parse(task.input ?? 'null') as Json, context));
        answer(taskToken, () => api.sendTaskSuccess(taskToken, JSON.stringify(output ?? null)));
      } catch (thrown) {
        const error = toStatesError(thrown);
        answer(taskToken, () => api.sendTaskFailure(taskToken, error.error ?? undefined, error.cause ?? undefined));
      }
    }
  };
  const done = loop();

  return {
    workerName,
    get answered() {
      return answered;
    },
    rejectedAnswers,
    stop() {
      stopping.abort();
      return done;
    },
  };
}
