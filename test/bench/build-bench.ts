/**
 * `npm run bench`, build case: `statecraft build --check` on the repo's workflows/ (what
 * `npm run build` runs), cold (statecraft's caches in node_modules/.cache/statecraft removed: full
 * type-check, prettier, ELK) and warm (nothing changed: cached type-check, formatting and
 * diagrams). Each is run in a fresh process, ROUNDS times; the line gives the median wall clock
 * (and the best), and the median CPU seconds (user + system of every thread, from /usr/bin/time
 * when present), which are steadier when other work shares the 2 cores. A cold build's
 * type-check runs on a worker thread beside the rest, so its CPU seconds exceed its wall clock
 * on an idle machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = path.join(ROOT, 'node_modules/.cache/statecraft');
const ROUNDS = 5;
const TIME = '/usr/bin/time';

interface Round {
  wallSeconds: number;
  cpuSeconds?: number;
}

function buildOnce(): Round {
  const cpuFile = path.join(tmpdir(), `statecraft-build-bench-${process.pid}.txt`);
  const command = [process.execPath, '--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'build', '--check'];
  const withTime = existsSync(TIME) ? [TIME, '-f', '%U %S', '-o', cpuFile, ...command] : command;
  const started = performance.now();
  const child = spawnSync(withTime[0]!, withTime.slice(1), { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  const wallSeconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`statecraft build --check failed (exit ${child.status}): ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  if (!existsSync(cpuFile)) return { wallSeconds };
  const [user, system] = readFileSync(cpuFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(cpuFile, { force: true });
  return { wallSeconds, cpuSeconds: user! + system! };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function line(label: string, rounds: Round[]): string {
  const walls = rounds.map((round) => round.wallSeconds);
  const cpus = rounds.flatMap((round) => (round.cpuSeconds === undefined ? [] : [round.cpuSeconds]));
  const cpu = cpus.length === rounds.length ? `, ${median(cpus).toFixed(2)} cpu-s` : '';
  return `bench build ${label}: ${median(walls).toFixed(2)} s wall (median of ${rounds.length}, best ${Math.min(...walls).toFixed(2)})${cpu}`;
}

/** The build case's lines (cold, then warm). */
export async function buildBench(): Promise<string[]> {
  try {
    const cold: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      rmSync(CACHE, { recursive: true, force: true });
      cold.push(buildOnce());
    }
    const warm: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) warm.push(buildOnce());
    return [line('cold', cold), line('warm', warm)];
  } catch (error) {
    return [`bench build: failed: ${(error as Error).message}`];
  }
}

// `npx tsx test/bench/build-bench.ts`: this case alone.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  for (const line of await buildBench()) console.log(line);
}
