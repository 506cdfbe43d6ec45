/**
 * `statecraft --help` imports every command module (for its `summary`), so each module's top must
 * stay light: TypeScript, ts-morph and prettier (and the interpreter, compiler, DSL, build, import,
 * verify and IAM code) load only inside the command that needs them. Proved by running the real
 * CLI in a child process with a module-hook preload that records every module it loads.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const RECORDER = join(import.meta.dirname, 'fixtures/record-loads.mjs');
const dir = mkdtempSync(join(tmpdir(), 'statecraft-loads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let runs = 0;
/** Runs node with the recorder (then tsx) and `args`; returns every module URL/path it loaded. */
function loadedModules(args: string[]): string[] {
  const log = join(dir, `loads-${runs++}.txt`);
  execFileSync(process.execPath, ['--import', RECORDER, '--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, STATECRAFT_LOAD_LOG: log },
    encoding: 'utf8',
  });
  return [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))];
}

const HEAVY_PACKAGES = /node_modules\/(typescript|ts-morph|@ts-morph\/common|prettier)\//;
const HEAVY_SOURCES = /\/src\/(interpreter|compiler|dsl|build|import|verify|iam|test-state|serve)\//;

describe('statecraft --help', () => {
  it('the recorder sees a heavy package when one loads, imported or required (control)', () => {
    // prettier is ES modules (the resolve hook); the CommonJS side is read from require.cache.
    // TypeScript and ts-morph themselves are left out of the control only because they take seconds to load.
    const script = "await import('prettier'); (await import('node:module')).createRequire(import.meta.url)('jsonata');";
    const loaded = loadedModules(['--input-type=module', '-e', script]);
    expect(loaded.some((m) => HEAVY_PACKAGES.test(m))).toBe(true);
    expect(loaded.some((m) => m.includes('node_modules/jsonata/'))).toBe(true);
  });

  it('loads neither TypeScript, ts-morph nor prettier, nor any command’s engine', () => {
    const loaded = loadedModules([join(ROOT, 'src/cli/main.ts'), '--help']);
    expect(loaded.some((m) => m.endsWith('/src/cli/commands/import.ts'))).toBe(true); // every command module was read
    expect(loaded.filter((m) => HEAVY_PACKAGES.test(m))).toEqual([]);
    expect(loaded.filter((m) => HEAVY_SOURCES.test(m))).toEqual([]);
  });
});
