import type { Json } from '../../asl/types';
import { parseTaskResource } from '../../asl/task-resource';
import { assertValidDefinition } from '../../asl/validate/validate-definition';
import { walkStates } from '../../asl/walk';
import type { IntegrationRuntime } from '../callbacks/integration-runtime';
import { formatTimestamp } from '../clock/timestamp';
import { prepareDefinition } from '../engine/prepare';
import { Execution } from '../execution/execution';
import type { InterpreterServices } from '../execution/interpreter-services';
import { seededRandom } from '../random/seeded-random';
import { MockTaskDispatcher } from '../tasks/task-dispatcher';
import type { TaskMocks } from '../tasks/task-mocks';
import { AnswerLog } from './answer-log';
import { answerPendingCallbacks } from './answer-pending-callbacks';
import { ReplayClock } from './replay-clock';
import { ReplayTaskDispatcher } from './replay-dispatcher';
import { replaySnapshot } from './replay-driver';
import { ReplaySession } from './replay-session';
import { ResumedIntegrations } from './resumed-integrations';
import { ANSWER_KINDS, SNAPSHOT_VERSION, type ExecutionSnapshot } from './snapshot-format';

/** Options of `interpreter.resumeExecution`. */
export interface ResumeExecutionOptions {
  /**
   * Mocks for the Task attempts that had not been answered when the snapshot was taken (and for
   * every attempt after), above the interpreter's mocks. A callback task still waiting for its
   * token is answered by its state's mock, as the callback would be.
   */
  mocks?: TaskMocks;
}

/** What resuming needs from the interpreter. */
export interface ResumeHost {
  services: InterpreterServices;
  integrations: IntegrationRuntime;
}

/**
 * Rebuilds a saved execution by running it again from its start with the answers it had
 * received, then lets it continue live in `host`'s interpreter: its pending task tokens (the
 * same tokens) answer `sendTaskSuccess`, its activity work waits for the interpreter's workers,
 * its timers fire at their saved deadlines on the interpreter's clock (those already due by the
 * interpreter's time fire in the replay, at their deadlines, as they would have without a restart). A finished execution is
 * rebuilt finished (its `result` is the saved outcome).
 *
 * Throws (rejects) with a clear message for a snapshot of another version or shape, an invalid
 * definition, an interpreter clock behind the snapshot, and a `ReplayDivergenceError` when the
 * replay does not reproduce the saved history (naming the first differing event).
 */
export async function resumeExecution(host: ResumeHost, snapshot: ExecutionSnapshot, options: ResumeExecutionOptions = {}): Promise<Execution> {
  checkSnapshot(snapshot);
  const { services, integrations: live } = host;
  const { stateMachine: machine, execution: saved } = snapshot;
  assertValidDefinition(machine.definition, { stateMachineType: machine.type });
  const clockNow = Date.parse(snapshot.clockNow);
  if (services.clock.now() < clockNow) {
    throw new Error(
      `Cannot resume execution '${saved.name}': the interpreter's clock (${formatTimestamp(services.clock.now())}) is before the snapshot's time (${snapshot.clockNow}). ` +
        `Create the interpreter at or after it, e.g. new Interpreter({ startTime: snapshot.clockNow }).`,
    );
  }
  if (live.callbacks.pending({ executionArn: saved.arn }).length > 0) {
    throw new Error(
      `Cannot resume execution '${saved.name}': it is still running in this interpreter (its task tokens are open here). Resume a snapshot in another interpreter (after a restart), not beside the execution it was taken from.`,
    );
  }
  const activityNames = scheduledActivities(snapshot, live);

  const clock = new ReplayClock(Date.parse(saved.startTime));
  const session = new ReplaySession();
  const integrations = new ResumedIntegrations(clock, saved.region, saved.accountId, live, activityNames);
  const log = new AnswerLog(clock, saved.randomState);
  const liveMocks = new MockTaskDispatcher([options.mocks, services.mocks], options.mocks ? [options.mocks] : []);
  const replayTasks = new ReplayTaskDispatcher(liveMocks, snapshot.answers, session, clock);
  const execution = new Execution({
    machine: prepareDefinition(machine.definition),
    definition: machine.definition,
    input: saved.input,
    name: saved.name,
    executionArn: saved.arn,
    stateMachineArn: machine.arn,
    stateMachineName: machine.name,
    stateMachineType: machine.type,
    roleArn: machine.roleArn,
    region: saved.region,
    accountId: saved.accountId,
    clock,
    random: seededRandom(saved.randomState),
    tasks: replayTasks,
    s3: services.s3,
    maxHistoryEvents: services.maxHistoryEvents,
    maxExpressEvents: services.maxExpressEvents,
    recordHistory: true,
    synchronous: saved.synchronous,
    integrations,
    answers: log,
    ...(saved.redrive ? { redrive: saved.redrive } : {}),
  });
  try {
    await replaySnapshot({ snapshot, execution, log, clock, integrations, tasks: replayTasks, now: services.clock.now() });
  } catch (error) {
    // The half-rebuilt execution never went live: end it where nothing can see it.
    execution.stop();
    throw error;
  }
  integrations.goLive();
  clock.goLive(services.clock);
  session.goLive();
  answerPendingCallbacks(live.callbacks, liveMocks, saved.arn, services.clock, replayTasks.mockedTokens);
  return execution;
}

function checkSnapshot(snapshot: ExecutionSnapshot): void {
  const what = 'resumeExecution: the snapshot';
  if (typeof snapshot !== 'object' || snapshot === null) throw new Error(`${what} must be the object execution.snapshot() returned (or its JSON.parse'd text).`);
  if (snapshot.version !== SNAPSHOT_VERSION) {
    throw new Error(`${what} has version ${JSON.stringify(snapshot.version)}; this interpreter reads version ${SNAPSHOT_VERSION} snapshots only.`);
  }
  const missing = [
    ['stateMachine.definition', snapshot.stateMachine?.definition],
    ['execution.arn', snapshot.execution?.arn],
    ['execution.startTime', snapshot.execution?.startTime],
    ['execution.randomState', snapshot.execution?.randomState],
    ['answers', Array.isArray(snapshot.answers) ? snapshot.answers : undefined],
    ['history', Array.isArray(snapshot.history) ? snapshot.history : undefined],
    ['clockNow', snapshot.clockNow],
  ].filter(([, value]) => value === undefined);
  if (missing.length > 0) throw new Error(`${what} lacks ${missing.map(([field]) => field).join(', ')}; pass the whole object execution.snapshot() returned.`);
  const unknown = snapshot.answers.find((answer) => !Object.hasOwn(ANSWER_KINDS, (answer as { kind?: unknown })?.kind as string));
  if (unknown !== undefined) {
    throw new Error(`${what} holds an answer of kind ${JSON.stringify((unknown as { kind?: unknown })?.kind)}, which this interpreter cannot replay (a newer Statecraft wrote it?); resume it with that version.`);
  }
  for (const field of ['startTime', 'clockNow'] as const) {
    const text = field === 'clockNow' ? snapshot.clockNow : snapshot.execution.startTime;
    if (!Number.isFinite(Date.parse(text))) throw new Error(`${what}'s ${field} '${text}' is not an ISO 8601 time.`);
  }
}

/**
 * The activities that existed when the execution scheduled work on them, which exist again in the
 * replay:
 * - those of an `ActivityScheduled` event not followed by `ActivityScheduleFailed` in the saved
 *   history (an activity that did not exist records both, and must not exist in the replay either,
 *   or the failure would not be replayed); in the interpreter they are created if missing (a
 *   worker there serves them);
 * - those the definition names, at any depth, that exist in the interpreter now and never failed
 *   to schedule in the saved history. A journaled snapshot has no history (`statecraft serve
 *   --data` creates its activities before it resumes executions), and a Distributed Map child's
 *   events are not in its parent's history; without them a task a worker took before a restart
 *   could not be replayed.
 *
 * Limit: an activity that did not exist when a Distributed Map child (or a journaled execution)
 * scheduled work on it, and exists at the resume, is taken to have existed then: the replayed
 * child waits where it had failed. Creating an activity while executions that name it run is rare;
 * recording schedule failures as answers would lift the limit.
 */
function scheduledActivities(snapshot: ExecutionSnapshot, live: IntegrationRuntime): string[] {
  type Event = { id?: number; previousEventId?: number; type?: Json; activityScheduledEventDetails?: { resource?: string } };
  const events = snapshot.history as Event[];
  const failedSchedules = new Set(events.filter((e) => e.type === 'ActivityScheduleFailed').map((e) => e.previousEventId));
  const arns = new Set<string>();
  const failedArns = new Set<string>();
  for (const event of events) {
    const arn = event.type === 'ActivityScheduled' ? event.activityScheduledEventDetails?.resource : undefined;
    if (arn !== undefined) (failedSchedules.has(event.id) ? failedArns : arns).add(arn);
  }
  walkStates(snapshot.stateMachine.definition, ({ state }) => {
    const resource = state.Type === 'Task' && typeof state.Resource === 'string' ? parseTaskResource(state.Resource) : undefined;
    if (resource?.kind === 'activity' && live.activities.queue(resource.arn) && !failedArns.has(resource.arn)) arns.add(resource.arn);
  });
  return [...arns].map((arn) => {
    const name = arn.slice(arn.lastIndexOf(':activity:') + ':activity:'.length);
    if (!live.activities.queue(arn) && live.activities.create(name).activityArn !== arn) {
      throw new Error(
        `Cannot resume execution '${snapshot.execution.name}': it scheduled work on activity ${arn}, which this interpreter cannot hold (another region or account); create the Interpreter with the snapshot's region and accountId.`,
      );
    }
    return name;
  });
}
