import type { Json, StateMachineDefinition } from '../../src/asl/types';

/** One benchmark: a definition, its input, and how many units (transitions, items, executions) one run does. */
export interface BenchCase {
  name: string;
  /** What a unit is, for the output line (`transitions/s`). */
  unit: 'transitions' | 'items' | 'executions';
  definition: StateMachineDefinition;
  input: Json;
  /** Units one execution does. */
  unitsPerRun: number;
  /** Timed runs repeat until this many seconds have passed (at least one run). */
  minSeconds: number;
  /** Needs more than the 25,000 history events of a Standard execution. */
  exceedsStandardHistory: boolean;
  /** A smaller case run first to warm the JIT, when one run of this case is too long to repeat. */
  warmUpWith?: string;
}

/**
 * A Pass + Choice loop counting to `iterations` with `States.MathAdd`. States visited: one Pass and
 * one Choice per iteration, plus the final Succeed.
 */
export function loopDefinition(iterations: number): StateMachineDefinition {
  return {
    Comment: `Counts to ${iterations} with a Pass + Choice loop`,
    StartAt: 'Increment',
    States: {
      Increment: {
        Type: 'Pass',
        Parameters: { 'count.$': 'States.MathAdd($.count, 1)' },
        Next: 'Check',
      },
      Check: {
        Type: 'Choice',
        Choices: [{ Variable: '$.count', NumericLessThan: iterations, Next: 'Increment' }],
        Default: 'Done',
      },
      Done: { Type: 'Succeed' },
    },
  } as StateMachineDefinition;
}

/** An inline Map over `$.items` whose processor is a single Pass. */
export function mapDefinition(): StateMachineDefinition {
  return {
    Comment: 'Inline Map with a Pass processor',
    StartAt: 'EachItem',
    States: {
      EachItem: {
        Type: 'Map',
        ItemsPath: '$.items',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'Touch',
          States: { Touch: { Type: 'Pass', End: true } },
        },
        End: true,
      },
    },
  } as StateMachineDefinition;
}

/** A Parallel state with `branches` branches, each a single Pass. */
export function parallelDefinition(branches: number): StateMachineDefinition {
  return {
    Comment: `Parallel with ${branches} Pass branches`,
    StartAt: 'FanOut',
    States: {
      FanOut: {
        Type: 'Parallel',
        Branches: Array.from({ length: branches }, (_, i) => ({
          StartAt: `Branch${i}`,
          States: { [`Branch${i}`]: { Type: 'Pass', End: true } },
        })),
        End: true,
      },
    },
  } as StateMachineDefinition;
}

/** Each visited state adds an Entered and an Exited event; start and end add a few more. */
const STANDARD_HISTORY_LIMIT = 25_000;

const loopCase = (name: string, iterations: number, warmUpWith?: string): BenchCase => ({
  name,
  unit: 'transitions',
  definition: loopDefinition(iterations),
  input: { count: 0 },
  unitsPerRun: 2 * iterations + 1,
  minSeconds: 2,
  exceedsStandardHistory: 2 * (2 * iterations + 1) + 3 > STANDARD_HISTORY_LIMIT,
  warmUpWith,
});

export const BENCH_CASES: readonly BenchCase[] = [
  loopCase('loop-10k', 10_000),
  loopCase('loop-100k', 100_000, 'loop-10k'),
  {
    name: 'map-10k',
    unit: 'items',
    definition: mapDefinition(),
    input: { items: Array.from({ length: 10_000 }, (_, i) => ({ id: i })) },
    unitsPerRun: 10_000,
    minSeconds: 2,
    exceedsStandardHistory: true,
  },
  {
    name: 'parallel-50',
    unit: 'executions',
    definition: parallelDefinition(50),
    input: { hello: 'world' },
    unitsPerRun: 1,
    minSeconds: 2,
    exceedsStandardHistory: false,
  },
];

export function benchCase(name: string): BenchCase {
  const found = BENCH_CASES.find((c) => c.name === name);
  if (!found) throw new Error(`Unknown bench case '${name}': one of ${BENCH_CASES.map((c) => c.name).join(', ')}.`);
  return found;
}
