import { Interpreter, type ExecutionResult, type TaskMocks } from '../../src/interpreter';
import type { Execution } from '../../src/interpreter';

export interface RunOptions {
  mocks?: TaskMocks;
  type?: 'STANDARD' | 'EXPRESS';
  seed?: number;
  startTime?: string;
}

/** Runs a definition on a fresh interpreter (virtual clock at 2024-01-01) and returns result + execution. */
export async function run(definition: unknown, input: unknown = {}, options: RunOptions = {}): Promise<{ result: ExecutionResult; execution: Execution }> {
  const sfn = new Interpreter({ startTime: options.startTime ?? '2024-01-01T00:00:00Z', seed: options.seed ?? 1 });
  const machine = sfn.createStateMachine(definition, { name: 'Test', type: options.type });
  const execution = machine.startExecution(input as never, { name: 'exec', mocks: options.mocks });
  return { result: await execution.result, execution };
}

export function eventTypes(execution: Execution): string[] {
  return execution.history().map((e) => String(e.type));
}
