/**
 * `npm run bench`, build case: `statecraft build --check` on the repo's workflows/ (what
 * `npm run build` runs), cold (statecraft's caches in node_modules/.cache/statecraft removed: full
 * type-check, prettier) and warm (nothing changed: cached type-check and formatting). Each is run
 * in a fresh process, best of ROUNDS by wall clock; CPU seconds (user + system, from
 * /usr/bin/time when present) are steadier when other work shares the 2 cores.
 *
 *   bench build cold: 2.41 s wall (best of 3), 2.95 cpu-s
 *   bench build warm: 0.62 s wall (best of 3), 0.71 cpu-s
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = path.join(ROOT, 'node_modules/.cache/statecraft');
const ROUNDS = 3;
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

function best(rounds: Round[]): Round {
  return rounds.reduce((a, b) => (b.wallSeconds < a.wallSeconds ? b : a));
}

function line(label: string, rounds: Round[]): string {
  const { wallSeconds, cpuSeconds } = best(rounds);
  const cpu = cpuSeconds === undefined ? '' : `, ${cpuSeconds.toFixed(2)} cpu-s`;
  return `bench build ${label}: ${wallSeconds.toFixed(2)} s wall (best of ${rounds.length})${cpu}`;
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
