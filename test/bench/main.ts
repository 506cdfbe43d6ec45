/**
 * `npm run bench`: Statecraft's interpreter against aws-local-stepfunctions on the same ASL.
 * Each side runs each case in its own child process (so peak RSS is that side's alone), one
 * after another (the machine has 2 cores; parallel runs would disturb each other).
 *
 * Prints, per case:
 *   bench loop-10k: statecraft 812345 transitions/s, aws-local-stepfunctions 40123 transitions/s, ratio 20.2x
 *   bench cpu loop-10k: statecraft 850000 transitions/cpu-s, aws-local-stepfunctions 60000 transitions/cpu-s, ratio 14.2x
 *   bench memory loop-10k: statecraft 85.2 MB peak RSS, aws-local-stepfunctions 120.4 MB peak RSS
 * The headline rate is the best timing round's (wall clock); the cpu line divides by the CPU time
 * of all timed runs, which other load on the machine disturbs less.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildBench } from './build-bench';
import { BENCH_CASES, type BenchCase } from './bench-cases';
import { reportBench } from './report-bench';
import { serveBench } from './serve-bench';
import { verifyBench } from './verify-bench';

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

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** One comparison line: a value per side, and the ratio of Statecraft's to the other's. */
interface Metric {
  label: string;
  value(m: Measurement): number;
  format(value: number, bench: BenchCase): string;
  ratio: boolean;
}

const METRICS: Metric[] = [
  // The best timing round (see run-side.ts); the all-runs average is in the details line.
  { label: '', value: (m) => m.bestRate, format: (v, b) => `${Math.round(v)} ${b.unit}/s`, ratio: true },
  // CPU time is the steadier measure when other work shares the 2 cores.
  { label: 'cpu ', value: (m) => m.units / m.cpuSeconds, format: (v, b) => `${Math.round(v)} ${b.unit}/cpu-s`, ratio: true },
  { label: 'memory ', value: (m) => m.maxRssBytes, format: (v) => `${megabytes(v)} peak RSS`, ratio: false },
];

function metricLine(metric: Metric, bench: BenchCase, outcomes: Record<SideName, Outcome>): string {
  const values = SIDE_NAMES.map((side) => {
    const outcome = outcomes[side];
    return outcome.ok ? metric.value(outcome.measurement) : undefined;
  });
  const sides = SIDE_NAMES.map((side, i) => `${side} ${values[i] === undefined ? 'n/a' : metric.format(values[i], bench)}`);
  const [ours, theirs] = values;
  const ratio = ours !== undefined && theirs !== undefined ? `${(ours / theirs).toFixed(1)}x` : 'n/a';
  return `bench ${metric.label}${bench.name}: ${sides.join(', ')}${metric.ratio ? `, ratio ${ratio}` : ''}`;
}

function detailLine(side: SideName, outcome: Outcome, bench: BenchCase): string {
  if (!outcome.ok) return `  ${side} failed: ${outcome.error}`;
  const { runs, seconds, units, note, baselineRssBytes } = outcome.measurement;
  const details = [
    `${runs} run(s) in ${seconds.toFixed(2)} s (average ${Math.round(units / seconds)} ${bench.unit}/s)`,
    `RSS before loading ${megabytes(baselineRssBytes)}`,
    note,
  ];
  return `  ${side}: ${details.filter(Boolean).join(', ')}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  for (const bench of BENCH_CASES) {
    const outcomes = Object.fromEntries(SIDE_NAMES.map((side) => [side, runSide(side, bench)])) as Record<SideName, Outcome>;
    for (const metric of METRICS) console.log(metricLine(metric, bench, outcomes));
    for (const side of SIDE_NAMES) console.log(detailLine(side, outcomes[side], bench));
  }
  for (const line of await serveBench()) console.log(line);
  for (const line of await buildBench()) console.log(line);
  for (const line of await verifyBench()) console.log(line);
  for (const line of await reportBench()) console.log(line);
  console.log(`bench total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await main();
