/**
 * Runs one bench case on one side in this process and prints one JSON line:
 * `{units, seconds, cpuSeconds, bestRate, runs, maxRssBytes, baselineRssBytes, note}`. Spawned by main.ts, one process per side and case,
 * so each side's peak memory is its own.
 *
 * Usage: node --import tsx test/bench/run-side.ts <statecraft|aws-local-stepfunctions> <case>
 */
import { performance } from 'node:perf_hooks';
import type { Json } from '../../src/asl/types';
import { benchCase, type BenchCase } from './bench-cases';
import type { BenchRunner, RunnerFactory } from './bench-runner';
import { checkOutput } from './check-output';

// Each side's code is loaded only in its own process, after the baseline RSS is taken: neither
// side pays for the other's modules, and each side's peak includes its own.
const SIDES: Record<string, () => Promise<RunnerFactory>> = {
  statecraft: async () => (await import('./statecraft-runner')).createStatecraftRunner,
  'aws-local-stepfunctions': async () => (await import('./aws-local-runner')).createAwsLocalRunner,
};

interface SideMeasurement {
  units: number;
  seconds: number;
  runs: number;
  maxRssBytes: number;
  /** Units per second of the fastest timing round. */
  bestRate: number;
  /** CPU time (user + system) the timed runs took: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  /** RSS before the side's code was loaded and its machine built: the runtime's own share of the peak (the same for both sides). */
  baselineRssBytes: number;
  note?: string;
}

const ROUND_SECONDS = 0.25;

async function build(factory: RunnerFactory, bench: BenchCase): Promise<BenchRunner> {
  return factory(bench.definition, { exceedsStandardHistory: bench.exceedsStandardHistory });
}

async function measure(loadFactory: () => Promise<RunnerFactory>, bench: BenchCase): Promise<SideMeasurement> {
  const baselineRssBytes = process.memoryUsage().rss;
  const factory = await loadFactory();
  const runner = await build(factory, bench);
  // Warm the JIT (and check the answer) before timing.
  const warmUp = bench.warmUpWith ? benchCase(bench.warmUpWith) : bench;
  const warmRunner = warmUp === bench ? runner : await build(factory, warmUp);
  checkOutput(warmUp, await warmRunner.run(warmUp.input as Json));

  // Timed in rounds of at least ROUND_SECONDS; the best round is the headline, because other
  // work on a shared 2-core machine only ever slows a round down.
  let runs = 0;
  let bestRate = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  do {
    let roundRuns = 0;
    const roundStart = performance.now();
    let roundSeconds = 0;
    do {
      const output = await runner.run(bench.input);
      if (runs === 0) checkOutput(bench, output);
      runs++;
      roundRuns++;
      roundSeconds = (performance.now() - roundStart) / 1000;
    } while (roundSeconds < ROUND_SECONDS);
    bestRate = Math.max(bestRate, (roundRuns * bench.unitsPerRun) / roundSeconds);
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < bench.minSeconds);
  const cpu = process.cpuUsage(cpuStart);
  return {
    units: runs * bench.unitsPerRun,
    seconds: elapsed,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    bestRate,
    runs,
    // resourceUsage().maxRSS is in kilobytes: the peak over the whole process.
    maxRssBytes: Math.max(process.resourceUsage().maxRSS * 1024, process.memoryUsage().rss),
    baselineRssBytes,
    note: runner.note,
  };
}

async function main(): Promise<void> {
  const [side, caseName] = process.argv.slice(2);
  const factory = SIDES[side];
  if (!factory) throw new Error(`Unknown side '${side}': one of ${Object.keys(SIDES).join(', ')}.`);
  const result = await measure(factory, benchCase(caseName));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
  process.exitCode = 1;
});
