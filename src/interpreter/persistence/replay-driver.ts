import type { Json } from '../../asl/types';
import type { Execution } from '../execution/execution';
import type { AnswerLog } from './answer-log';
import { describeDivergence, ReplayDivergenceError } from './divergence';
import type { ReplayClock } from './replay-clock';
import type { ReplayTaskDispatcher } from './replay-dispatcher';
import type { ResumedIntegrations } from './resumed-integrations';
import type { ExecutionSnapshot, TimedAnswer } from './snapshot-format';
import { plainEvent } from './take-snapshot';
import { findMapRun } from '../states/map/map-run';

/** The execution being rebuilt and what it replays. */
export interface ReplayTarget {
  snapshot: ExecutionSnapshot;
  execution: Execution;
  log: AnswerLog;
  clock: ReplayClock;
  integrations: ResumedIntegrations;
  tasks: ReplayTaskDispatcher;
  /** The interpreter's time now (at or after the snapshot's): timers due by then are fired in the replay. */
  now: number;
}

/**
 * Runs the rebuilt execution until it has recorded the saved history again. Whenever it is idle
 * (every promise continuation has run), the next step is the first of: the next saved answer from
 * outside, delivered once the history has exactly as many events as when it first arrived (so it
 * lands between the same two events), or the next timer due before it. Every saved answer
 * delivered and the saved history reached: the replayed prefix must equal the saved history
 * event for event (timestamps, ids, payloads), else a {@link ReplayDivergenceError}.
 *
 * A journaled snapshot (`statecraft serve --data`) has answers but no history, so "reached the
 * saved history" says nothing there. The replay then also runs, still on its own clock, what the
 * execution had certainly done before the snapshot: the work its last answer set off (to idle),
 * every recorded mock answer (a retry's lies behind a backoff timer that had fired), and every
 * timer due by the snapshot's time. Going live earlier stamped those events with the restart's
 * time and asked the mocks again.
 *
 * Then, past everything recorded, timers due by `target.now` fire at their deadlines (new Task
 * attempts they lead to are answered by the resume's mocks).
 */
export async function replaySnapshot(target: ReplayTarget): Promise<void> {
  const { snapshot, log, clock, tasks } = target;
  const timed = snapshot.answers.filter((a): a is TimedAnswer => a.kind !== 'mock');
  const savedLength = snapshot.history.length;
  const savedClock = Date.parse(snapshot.clockNow);
  let next = 0;
  const caughtUp = () => next === timed.length && log.eventCount >= savedLength && tasks.unreached === 0;
  for (;;) {
    await idle();
    stopIfUnsupported(target);
    if (caughtUp()) break;
    const size = log.eventCount;
    const answer = timed[next];
    const timer = clock.earliest();
    if (answer) {
      const at = Date.parse(answer.at);
      if (size > answer.afterEvent || at < clock.now()) {
        throw diverged(
          target,
          `${describeAnswer(answer)} arrived after event ${answer.afterEvent}, but by then the replay had recorded ${size} events (at ${new Date(clock.now()).toISOString()}, the last ${lastEventType(target.execution)}); ` +
            `an answer sent while other branches of the execution were still busy in the same instant (not from an idle event loop) cannot always be placed again`,
        );
      }
      if (size === answer.afterEvent && (!timer || timer.at >= at)) {
        clock.advanceTo(at);
        deliver(target, answer);
        next++;
      } else if (timer && timer.at <= at) clock.fire(timer);
      else throw diverged(target, `the replay waits, with nothing due before ${describeAnswer(answer)} (which arrived after event ${answer.afterEvent})`);
    } else if (timer && (timer.at <= savedClock || tasks.unreached > 0)) clock.fire(timer);
    // Only recorded mock answers are left, and nothing leads to them: they are asked again live.
    else if (log.eventCount >= savedLength) break;
    else throw diverged(target, `the replay waits, with no saved answer left and nothing due by the snapshot's time ${snapshot.clockNow}`);
  }
  verifyPrefix(target);
  // Timers due by now fired (or, while the process was down, would have fired) at their deadlines:
  // fire them so, on the execution's own clock. Handed to the interpreter's clock instead, an
  // overdue one fires at the restart's time, and the history of a Wait that ended before the
  // restart changed.
  tasks.pastRecording = true;
  for (let timer = clock.earliest(); timer && timer.at <= target.now; timer = clock.earliest()) {
    clock.fire(timer);
    await idle();
    stopIfUnsupported(target);
  }
}

/** The replay reached something a snapshot does not keep (see `ResumedIntegrations.unsupported`). */
function stopIfUnsupported(target: ReplayTarget): void {
  const why = target.integrations.unsupported;
  if (why !== undefined) throw new ReplayDivergenceError(`Cannot resume execution '${target.snapshot.execution.name}': ${why}.`, target.log.eventCount);
}

function deliver(target: ReplayTarget, answer: TimedAnswer): void {
  const { callbacks, activities } = target.integrations.replay;
  try {
    switch (answer.kind) {
      case 'taskSuccess':
        callbacks.sendTaskSuccess(answer.taskToken, JSON.stringify(answer.output));
        break;
      case 'taskFailure':
        callbacks.sendTaskFailure(answer.taskToken, answer.error, answer.cause);
        break;
      case 'taskHeartbeat':
        callbacks.sendTaskHeartbeat(answer.taskToken);
        break;
      case 'activityStarted':
        if (!activities.queue(answer.activityArn)?.backlog) throw new Error(`no task of activity ${answer.activityArn} waits for a worker`);
        // The queue hands its oldest work to the worker at once (records ActivityStarted).
        void activities.getActivityTask(answer.activityArn, answer.workerName);
        if (callbacks.get(answer.taskToken)?.status !== 'STARTED') throw new Error(`the worker was handed another task than the saved one`);
        break;
      case 'stop':
        target.execution.stop(answer.error, answer.cause);
        break;
      case 'mapRunUpdate': {
        const run = findMapRun(target.execution.mapRuns(), (candidate) => candidate.mapRunArn === answer.mapRunArn);
        if (!run) throw new Error(`the execution has no Map Run ${answer.mapRunArn}`);
        run.update(answer.settings);
        break;
      }
    }
  } catch (error) {
    if (error instanceof ReplayDivergenceError) throw error;
    throw diverged(target, `${describeAnswer(answer)} could not be delivered again: ${(error as Error).message}`);
  }
}

function verifyPrefix(target: ReplayTarget): void {
  const saved = target.snapshot.history;
  const replayed = renderedHistory(target.execution).slice(0, saved.length);
  for (let i = 0; i < saved.length; i++) {
    if (JSON.stringify(saved[i]) !== JSON.stringify(replayed[i])) throw diverged(target, 'the replayed history differs');
  }
}

function diverged(target: ReplayTarget, why: string): ReplayDivergenceError {
  return describeDivergence(target.snapshot.execution.name, target.snapshot.history, renderedHistory(target.execution), why);
}

function lastEventType(execution: Execution): string {
  return String(execution.history().at(-1)?.type ?? 'none');
}

/** The history as the snapshot holds it (timestamps as ISO text). */
function renderedHistory(execution: Execution): Json[] {
  return execution.history().map(plainEvent);
}

function describeAnswer(answer: TimedAnswer): string {
  switch (answer.kind) {
    case 'taskSuccess':
      return `the saved SendTaskSuccess (at ${answer.at})`;
    case 'taskFailure':
      return `the saved SendTaskFailure (at ${answer.at})`;
    case 'taskHeartbeat':
      return `the saved SendTaskHeartbeat (at ${answer.at})`;
    case 'activityStarted':
      return `the saved GetActivityTask of ${answer.workerName ?? 'a worker'} (at ${answer.at})`;
    case 'stop':
      return `the saved StopExecution (at ${answer.at})`;
    case 'mapRunUpdate':
      return `the saved UpdateMapRun of ${answer.mapRunArn} (at ${answer.at})`;
  }
}

/** Resolves once every pending promise continuation has run (the rebuilt execution is waiting). */
function idle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
