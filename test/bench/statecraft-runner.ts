import type { StateMachineDefinition } from '../../src/asl/types';
import { Interpreter } from '../../src/interpreter/index';
import type { BenchRunner, RunnerOptions } from './bench-runner';

/**
 * Statecraft's interpreter through its public API, on the virtual clock, as STANDARD executions
 * that record their full history. A Standard execution stops at 25,000 history events as on AWS;
 * cases that need more lift that limit with `maxHistoryEvents` (rather than running as EXPRESS,
 * so the history is still recorded and the comparison stays conservative).
 */
export async function createStatecraftRunner(definition: StateMachineDefinition, options: RunnerOptions): Promise<BenchRunner> {
  const sfn = new Interpreter({
    clock: 'virtual',
    ...(options.exceedsStandardHistory ? { maxHistoryEvents: Number.POSITIVE_INFINITY } : {}),
  });
  const machine = sfn.createStateMachine(definition, { name: 'Bench', type: 'STANDARD' });
  return {
    note: options.exceedsStandardHistory ? 'STANDARD with maxHistoryEvents: Infinity' : 'STANDARD',
    run: async (input) => {
      const result = await machine.startExecution(input).result;
      if (result.status !== 'SUCCEEDED') {
        throw new Error(`Statecraft execution ended ${result.status}: ${result.error ?? ''} ${result.cause ?? ''}`.trim());
      }
      return result.output;
    },
  };
}
