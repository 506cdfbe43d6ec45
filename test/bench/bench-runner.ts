import type { Json, StateMachineDefinition } from '../../src/asl/types';

/** One side of the comparison, with its machine built once (outside the timed loop). */
export interface BenchRunner {
  /** Runs one execution to its end and returns its output; throws if it did not succeed. */
  run(input: Json): Promise<unknown>;
  /** How the side was configured, printed with the results (e.g. which history limit). */
  note?: string;
}

export interface RunnerOptions {
  /** The case needs more than a Standard execution's 25,000 history events. */
  exceedsStandardHistory: boolean;
}

export type RunnerFactory = (definition: StateMachineDefinition, options: RunnerOptions) => Promise<BenchRunner>;
