/**
 * `statecraft --help` imports every command module (for its `summary`), so each module's top must
 * stay light: TypeScript, ts-morph and prettier (and the interpreter, compiler, DSL, build, import,
 * verify and IAM code) load only inside the command that needs them. Proved by running the real
 * CLI in a child process with a module-hook preload that records every module it loads; the same
 * process then loads heavy packages as the control (one start-up of node and tsx, not two).
 *
 * The process runs `statecraft` with no command: the usage `--help` prints, with exit code 2
 * (test/cli/dispatch.test.ts: the same stdout). So this one child process is also the test of the
 * bin itself, that it exits with the command's code; every other CLI test runs the same dispatch
 * in-process (test/support/run-cli.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'statecraft-loads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The modules loaded by `src/cli/main.ts` (no command), then by the control (see fixtures/help-then-control.mjs). */
let help: string[];
let control: string[];
let bin: { status: number | null; stdout: string; stderr: string };
beforeAll(() => {
  const log = join(dir, 'loads.txt');
  bin = spawnSync(process.execPath, ['--import', join(FIXTURES, 'record-loads.mjs'), '--import', 'tsx', join(FIXTURES, 'help-then-control.mjs')], {
    cwd: ROOT,
    env: { ...process.env, STATECRAFT_LOAD_LOG: log },
    encoding: 'utf8',
  });
  const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  const marker = lines.indexOf('--- control ---');
  expect(marker, bin.stderr).toBeGreaterThan(0);
  help = [...new Set(lines.slice(0, marker))];
  control = [...new Set(lines.slice(marker + 1))];
}, 60_000); // a node + tsx start-up: seconds on a busy 2-core machine (the hook default is 10 s)

const HEAVY_PACKAGES = /node_modules\/(typescript|ts-morph|@ts-morph\/common|prettier)\//;
const HEAVY_SOURCES = /\/src\/(interpreter|compiler|dsl|build|import|verify|iam|test-state|serve)\//;

describe('statecraft --help', () => {
  it('the bin prints the usage to the process stdout and exits with the code main returns (2: no command)', () => {
    expect(bin.stdout).toContain('Usage: statecraft <command> [options]');
    expect(bin.stdout).toContain("Run 'statecraft <command> --help' for a command's options.");
    expect(bin.status).toBe(2);
  });

  it('the recorder sees a heavy package when one loads, imported or required (control)', () => {
    // prettier is ES modules (the resolve hook); the CommonJS side is read from require.cache.
    // TypeScript and ts-morph themselves are left out of the control only because they take seconds to load.
    expect(control.some((m) => HEAVY_PACKAGES.test(m))).toBe(true);
    expect(control.some((m) => m.includes('node_modules/jsonata/'))).toBe(true);
  });

  it('loads neither TypeScript, ts-morph nor prettier, nor any command’s engine', () => {
    expect(help.some((m) => m.endsWith('/src/cli/commands/import.ts'))).toBe(true); // every command module was read
    expect(help.filter((m) => HEAVY_PACKAGES.test(m))).toEqual([]);
    expect(help.filter((m) => HEAVY_SOURCES.test(m))).toEqual([]);
  });
});
