import type { Json } from '../../asl/types';
import type { DiskStore, RecoveredState } from '../durability/disk-store';
import { FinishedExecution } from '../model/finished-execution';
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
  const ordered = [...recovered.executions].sort((a, b) => a.snapshot.execution.startTime.localeCompare(b.snapshot.execution.startTime));
  for (const { path, meta, snapshot } of ordered) {
    try {
      if (snapshot.status !== 'RUNNING' && snapshot.result) {
        ctx.executions.add({ ...meta, execution: new FinishedExecution({ ...snapshot, result: snapshot.result }) });
        continue;
      }
      let journal = (): void => {};
      const mocks = ctx.mocks.for(snapshot.stateMachine.name, snapshot.stateMachine.definition as unknown as Json, meta.testCase, () => journal());
      const execution = await ctx.interpreter.resumeExecution(snapshot, mocks ? { mocks } : {});
      ctx.executions.add({ ...meta, execution });
      store.resumed(execution, path);
      journal = () => store.sync(execution);
      if (execution.status === 'RUNNING') void execution.result.then(() => store.ended(execution));
    } catch (error) {
      problems.push(`execution ${snapshot.execution.arn} (${path}) could not be resumed: ${(error as Error).message}`);
    }
  }
  return problems;
}
