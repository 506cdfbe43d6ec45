import type { StateMachineDefinition } from '../../src/asl/types';
import type { BenchRunner } from './bench-runner';
import { installPromiseWithResolvers } from './promise-with-resolvers';

/** aws-local-stepfunctions v3: `new StateMachine(definition)` (validates, ~80 ms) once, `run(input).result` per execution. */
export async function createAwsLocalRunner(definition: StateMachineDefinition): Promise<BenchRunner> {
  installPromiseWithResolvers();
  const { StateMachine } = await import('aws-local-stepfunctions');
  const machine = new StateMachine(definition as unknown as ConstructorParameters<typeof StateMachine>[0]);
  return {
    run: (input) => machine.run(input).result,
  };
}
