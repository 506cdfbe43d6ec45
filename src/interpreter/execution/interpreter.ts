import type { Json } from '../../asl/types';
import type { ActivityTask } from '../activities/activity-queue';
import type { ActivityDescription, ActivityRegistry } from '../activities/activity-registry';
import type { CallbackRegistry } from '../callbacks/callback-registry';
import { IntegrationRuntime } from '../callbacks/integration-runtime';
import type { JobRegistry } from '../jobs/job-registry';
import type { Clock } from '../clock/clock';
import { RealClock } from '../clock/real-clock';
import { parseStartTime } from '../clock/timestamp';
import { VirtualClock } from '../clock/virtual-clock';
import { DEFAULT_MAX_EXPRESS_EVENTS } from './history-limit';
import { InMemoryS3 } from '../map-run-io';
import { seededRandom } from '../random/seeded-random';
import type { Execution } from './execution';
import { resumeExecution, type ResumeExecutionOptions } from '../persistence/resume-execution';
import type { ExecutionSnapshot } from '../persistence/snapshot-format';
import type { InterpreterServices } from './interpreter-services';
import { StateMachine } from './state-machine';
import { MockConfigError, mockConfigProblems } from '../tasks/mock-config-file';
import type { ExecutionResult, InterpreterOptions, StartExecutionOptions, StateMachineOptions } from './types';
import { LIMITS } from '../../asl/limits';

/**
 * Runs any ASL document locally: mocked tasks, a virtual clock by default, AWS's history format.
 * Many executions can run at once on one interpreter (they share its clock).
 *
 * @example
 * const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z', seed: 42 });
 * const machine = sfn.createStateMachine(definition, { name: 'Orders' });
 * const execution = machine.startExecution({ orderId: 7 }, { mocks: { Charge: () => ({ charged: true }) } });
 * const result = await execution.result; // { status: 'SUCCEEDED', output: ... }
 */
export class Interpreter {
  readonly clock: Clock;
  private readonly services: InterpreterServices;
  private readonly integrations: IntegrationRuntime;

  /** Throws `MockConfigError` listing every problem when `mockConfig` is not a usable MockConfigFile. */
  constructor(options: InterpreterOptions = {}) {
    if (options.mockConfig !== undefined) {
      const problems = mockConfigProblems(options.mockConfig);
      if (problems.length > 0) throw new MockConfigError(problems);
    }
    this.clock = makeClock(options);
    const seed = options.seed ?? 0;
    let executions = 0;
    const accountId = options.accountId ?? '123456789012';
    this.integrations = new IntegrationRuntime(this.clock, options.region ?? 'us-east-1', accountId);
    this.services = {
      integrations: this.integrations,
      clock: this.clock,
      region: options.region ?? 'us-east-1',
      accountId,
      mocks: options.mocks,
      mockConfig: options.mockConfig,
      s3: options.s3 ?? new InMemoryS3({}, { now: () => new Date(this.clock.now()) }),
      maxHistoryEvents: options.maxHistoryEvents ?? LIMITS.historyEvents,
      maxExpressEvents: options.maxExpressEvents ?? DEFAULT_MAX_EXPRESS_EVENTS,
      recordHistory: options.recordHistory ?? true,
      // Each execution gets its own stream so concurrent executions do not perturb each other.
      nextRandom: () => seededRandom(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + executions++ * 0x27d4eb2f),
    };
  }

  /** Validates (throws `InvalidDefinitionError`) and prepares a definition. */
  createStateMachine(definition: unknown, options: StateMachineOptions = {}): StateMachine {
    const machine = new StateMachine(definition, options, this.services);
    // Registered by ARN so `states:startExecution` Tasks run it for real.
    this.integrations.machines.register(machine);
    return machine;
  }

  /**
   * Rebuilds an execution saved with `execution.snapshot()` (in this interpreter or a new one,
   * e.g. after a restart) and lets it continue here: its waiting task tokens are open again under
   * the same tokens, its activity work waits for this interpreter's workers, its timers fire at
   * their saved deadlines. Resolves once the replay caught up (microseconds on the virtual clock);
   * rejects with `ReplayDivergenceError` when the definition no longer reproduces the saved history.
   * A finished execution comes back finished, with its result. The interpreter's clock must not
   * be behind the snapshot (`new Interpreter({ startTime: snapshot.clockNow })`).
   *
   * @example
   * const saved = JSON.parse(JSON.stringify(execution.snapshot()));
   * const sfn2 = new Interpreter({ startTime: saved.clockNow });
   * const resumed = await sfn2.resumeExecution(saved);
   * const [task] = sfn2.callbacks.pending({ executionArn: resumed.executionArn });
   * sfn2.sendTaskSuccess(task.taskToken, JSON.stringify({ approved: true }));
   * await resumed.result; // { status: 'SUCCEEDED', ... }
   */
  resumeExecution(snapshot: ExecutionSnapshot, options: ResumeExecutionOptions = {}): Promise<Execution> {
    return resumeExecution({ services: this.services, integrations: this.integrations }, snapshot, options);
  }

  /** Open task tokens (`.waitForTaskToken` and activity tasks) as plain data; `nextPending()` waits for one. */
  get callbacks(): CallbackRegistry {
    return this.integrations.callbacks;
  }

  /** Activities and their queues. */
  get activities(): ActivityRegistry {
    return this.integrations.activities;
  }

  /** `.sync` jobs and nested executions the executions submitted (cancelled ones included). */
  get jobs(): JobRegistry {
    return this.integrations.jobs;
  }

  /**
   * `SendTaskSuccess`: `output` is JSON text, as in the AWS API. Throws `StepFunctionsApiError`
   * (`InvalidToken`, `TaskDoesNotExist`, `TaskTimedOut`, `InvalidOutput`).
   *
   * @example
   * const { taskToken } = await sfn.callbacks.nextPending({ stateName: 'Wait For Approval' });
   * sfn.sendTaskSuccess(taskToken, JSON.stringify({ approved: true }));
   */
  sendTaskSuccess(taskToken: string, output: string): void {
    this.integrations.callbacks.sendTaskSuccess(taskToken, output);
  }

  /** `SendTaskFailure`: the waiting task fails with `error`/`cause` (Retry and Catch apply). */
  sendTaskFailure(taskToken: string, error?: string, cause?: string): void {
    this.integrations.callbacks.sendTaskFailure(taskToken, error, cause);
  }

  /** `SendTaskHeartbeat`: restarts the waiting task's `HeartbeatSeconds` clock. */
  sendTaskHeartbeat(taskToken: string): void {
    this.integrations.callbacks.sendTaskHeartbeat(taskToken);
  }

  /** `CreateActivity` (idempotent per name). */
  createActivity(name: string): { activityArn: string; creationDate: Date } {
    return this.integrations.activities.create(name);
  }

  describeActivity(activityArn: string): ActivityDescription {
    return this.integrations.activities.describe(activityArn);
  }

  listActivities(): { activities: ActivityDescription[] } {
    return this.integrations.activities.list();
  }

  deleteActivity(activityArn: string): void {
    this.integrations.activities.delete(activityArn);
  }

  /**
   * `GetActivityTask`: `{taskToken, input}` (input as JSON text) when work is waiting, else waits
   * up to 60 seconds on the interpreter's clock, then answers `{}`.
   */
  getActivityTask(activityArn: string, workerName?: string, signal?: AbortSignal): Promise<ActivityTask> {
    return this.integrations.activities.getActivityTask(activityArn, workerName, signal);
  }
}

function makeClock(options: InterpreterOptions): Clock {
  const clock = options.clock ?? 'virtual';
  if (clock === 'virtual') return new VirtualClock(options.startTime === undefined ? Date.now() : parseStartTime(options.startTime));
  if (clock === 'real') return new RealClock();
  return clock;
}

/** Options of {@link runExecution}: the interpreter's, the state machine's and the execution's. */
export type RunExecutionOptions = InterpreterOptions & StateMachineOptions & Omit<StartExecutionOptions, 'mocks'>;

/**
 * One-shot convenience: validate, prepare, run, and return the result with the execution.
 *
 * @example
 * const { result } = await runExecution(definition, { n: 1 }, { mocks: { Double: (i) => i * 2 } });
 */
export async function runExecution(
  definition: unknown,
  input: Json = {},
  options: RunExecutionOptions = {},
): Promise<{ result: ExecutionResult; execution: Execution }> {
  const sfn = new Interpreter(options);
  const machine = sfn.createStateMachine(definition, { name: options.name === undefined ? undefined : options.name, type: options.type, roleArn: options.roleArn });
  const execution = machine.startExecution(input, { testCase: options.testCase, mockConfig: options.mockConfig });
  return { result: await execution.result, execution };
}
