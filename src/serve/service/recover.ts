import type { Json } from '../../asl/types';
import type { DiskStore, RecoveredState } from '../durability/disk-store';
import type { ExecutionSnapshot } from '../../interpreter/persistence/snapshot-format';
import { FinishedExecution, type ExecutionView } from '../model/finished-execution';
import type { StoredMapRun } from '../model/map-run-view';
import { RedrivenExecution } from '../model/redriven-execution';
import type { ServeContext } from './context';

/**
 * Brings back what a data directory held: activities exist again, each machine's latest revision
 * is prepared, a finished execution is read back as it ended (nothing runs again), and an
 * unfinished one is rebuilt from its journal by replay and goes on live, with the same task tokens
 * open and its timers at their original deadlines. Returns the problems met (an execution that cannot be rebuilt is
 * reported, the others still load).
 */
export async function recoverExecutions(ctx: ServeContext, store: DiskStore, recovered: RecoveredState): Promise<string[]> {
  const problems: string[] = [];
  for (const activity of ctx.catalog.activities.values()) ctx.interpreter.createActivity(activity.name);
  for (const machine of ctx.catalog.machines.values()) {
    try {
      ctx.machines.latest(machine);
    } catch (error) {
      problems.push(`state machine ${machine.arn} could not be prepared: ${(error as Error).message}`);
    }
  }
  const firstStart = (e: RecoveredState['executions'][number]) => (e.earlier[0]?.snapshot ?? e.snapshot).execution.startTime;
  const ordered = [...recovered.executions].sort((a, b) => firstStart(a).localeCompare(firstStart(b)));
  for (const { path, meta, snapshot, mapRuns, earlier } of ordered) {
    try {
      // The attempts a redrive went on from, chained as the API shows them.
      let before: ExecutionView | undefined;
      for (const attempt of earlier) before = withEarlier(before, finished(attempt.snapshot, attempt.mapRuns), attempt.snapshot);
      if (snapshot.status !== 'RUNNING' && snapshot.result) {
        ctx.executions.add({ ...meta, execution: withEarlier(before, finished(snapshot, mapRuns), snapshot) });
        continue;
      }
      for (const answer of snapshot.answers) {
        if (answer.kind !== 'mock' || answer.outcome !== undefined) continue;
        problems.push(
          `execution ${snapshot.execution.arn}: the Task call of state '${answer.state}' (its call #${answer.call + 1}) was in flight when the server stopped; it is made again now (at-least-once, as AWS invokes tasks)`,
        );
      }
      let journal = (): void => {};
      const mocks = ctx.mocks.for(snapshot.stateMachine.name, snapshot.stateMachine.definition as unknown as Json, meta.testCase, () => journal());
      const execution = await ctx.interpreter.resumeExecution(snapshot, mocks ? { mocks } : {});
      const view = withEarlier(before, execution, snapshot);
      ctx.executions.add({ ...meta, execution: view });
      store.resumed(view, execution, path, snapshot.answers);
      journal = () => store.sync(view);
      void execution.result.then(() => store.ended(view));
    } catch (error) {
      problems.push(`execution ${snapshot.execution.arn} (${path}) could not be resumed: ${(error as Error).message}`);
    }
  }
  return problems;
}

function finished(snapshot: ExecutionSnapshot, mapRuns: StoredMapRun[] | undefined): FinishedExecution {
  return new FinishedExecution({ ...snapshot, result: snapshot.result! }, mapRuns);
}

/** `run` as the API shows it: alone, or after the attempts it redrives. */
function withEarlier(before: ExecutionView | undefined, run: ExecutionView, snapshot: ExecutionSnapshot): ExecutionView {
  const redrive = snapshot.execution.redrive;
  return before && redrive ? new RedrivenExecution(before, run, redrive) : run;
}
