/**
 * `npm run bench`: Statecraft's interpreter against aws-local-stepfunctions on the same ASL.
 * Each side runs each case in its own child process (so peak RSS is that side's alone), one
 * after another (the machine has 2 cores; parallel runs would disturb each other).
 *
 * Prints, per case:
 *   bench loop-10k: statecraft 812345 transitions/s, aws-local-stepfunctions 40123 transitions/s, ratio 20.2x
 *   bench memory loop-10k: statecraft 85.2 MB peak RSS, aws-local-stepfunctions 120.4 MB peak RSS
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BENCH_CASES, type BenchCase } from './bench-cases';

const SIDE_NAMES = ['statecraft', 'aws-local-stepfunctions'] as const;
type SideName = (typeof SIDE_NAMES)[number];

interface Measurement {
  units: number;
  seconds: number;
  cpuSeconds: number;
  bestRate: number;
  runs: number;
  maxRssBytes: number;
  baselineRssBytes: number;
  note?: string;
}

type Outcome = { ok: true; measurement: Measurement } | { ok: false; error: string };

const RUN_SIDE = fileURLToPath(new URL('./run-side.ts', import.meta.url));
/** A side that takes longer than this on one case is reported as timed out. */
const CASE_TIMEOUT_MS = 60_000;

function runSide(side: SideName, bench: BenchCase): Outcome {
  const child = spawnSync(process.execPath, ['--import', 'tsx', RUN_SIDE, side, bench.name], {
    encoding: 'utf8',
    timeout: CASE_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.error) return { ok: false, error: child.error.message };
  const lastLine = child.stdout.trim().split('\n').pop() ?? '';
  try {
    const parsed = JSON.parse(lastLine) as Measurement | { error: string };
    if ('error' in parsed) return { ok: false, error: parsed.error };
    return { ok: true, measurement: parsed };
  } catch {
    return { ok: false, error: `no result (exit ${child.status}): ${child.stderr.trim().split('\n').slice(-3).join(' | ')}` };
  }
}

/** The best timing round's rate (see run-side.ts); the all-runs average is in the details line. */
const rate = (m: Measurement) => m.bestRate;
const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

function describeRate(side: SideName, outcome: Outcome, unit: string): string {
  return outcome.ok ? `${side} ${Math.round(rate(outcome.measurement))} ${unit}/s` : `${side} n/a`;
}

function main(): void {
  const started = Date.now();
  for (const bench of BENCH_CASES) {
    const outcomes = Object.fromEntries(SIDE_NAMES.map((side) => [side, runSide(side, bench)])) as Record<SideName, Outcome>;
    const [ours, theirs] = [outcomes.statecraft, outcomes['aws-local-stepfunctions']];
    const ratio = ours.ok && theirs.ok ? `${(rate(ours.measurement) / rate(theirs.measurement)).toFixed(1)}x` : 'n/a';
    console.log(
      `bench ${bench.name}: ${SIDE_NAMES.map((side) => describeRate(side, outcomes[side], bench.unit)).join(', ')}, ratio ${ratio}`,
    );
    console.log(
      `bench memory ${bench.name}: ${SIDE_NAMES.map((side) => {
        const outcome = outcomes[side];
        return `${side} ${outcome.ok ? megabytes(outcome.measurement.maxRssBytes) : 'n/a'} peak RSS`;
      }).join(', ')}`,
    );
    for (const side of SIDE_NAMES) {
      const outcome = outcomes[side];
      if (!outcome.ok) console.log(`  ${side} failed: ${outcome.error}`);
      else {
        const { runs, seconds, cpuSeconds, units, note, baselineRssBytes } = outcome.measurement;
        const details = [
          `${runs} run(s) in ${seconds.toFixed(2)} s (average ${Math.round(units / seconds)} ${bench.unit}/s)`,
          // Wall time is the headline; CPU time shows how much a busy machine distorted it.
          `${Math.round(units / cpuSeconds)} ${bench.unit} per CPU-second`,
          `RSS before building ${megabytes(baselineRssBytes)}`,
          note,
        ];
        console.log(`  ${side}: ${details.filter(Boolean).join(', ')}`);
      }
    }
  }
  console.log(`bench total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
