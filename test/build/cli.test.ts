import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { createTempProject, DSL_IMPORT, passWorkflowModule, type TempProject } from './temp-project';

/** Runs `statecraft build ARGS` in-process (the bin's dispatch), as `npm run build -- ARGS` does. */
const statecraftBuild = (...args: string[]) => runCli('build', ...args);

const projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((project) => project.dispose()));
});

describe('statecraft build (CLI)', () => {
  it('prints its help', async () => {
    const result = await statecraftBuild('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: statecraft build [options]');
    expect(result.stdout).toContain('--check');
    expect(result.stdout).toContain('--workflows DIR');
  });

  it('rejects an unknown option with exit code 2', async () => {
    const result = await statecraftBuild('--chek');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option --chek; see 'statecraft build --help'.");
  });

  it('builds, then --check exits 0 when up to date and 1 naming the stale file', async () => {
    const p = await createTempProject({ 'alpha.ts': passWorkflowModule('alpha', 'Alpha') });
    projects.push(p);
    const dirs = ['--workflows', p.workflowsDir, '--out', p.outDir];

    const built = await statecraftBuild(...dirs);
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/created +\S*Alpha\.asl\.json/);
    expect(built.stdout).toMatch(/created +\S*Alpha\.iam\.json/);
    expect(built.stdout).toMatch(/created +\S*Alpha\.svg/);
    expect(built.stdout).toMatch(/Built 1 workflow, 3 files into \S+ \(3 created\) in \d+\.\d s \(type-check \d+\.\d s\)\./);

    const clean = await statecraftBuild(...dirs, '--check', '--no-typecheck');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/is up to date: 1 workflow, 3 files, \d+\.\d s\./);

    await writeFile(path.join(p.outDir, 'Alpha.asl.json'), '{}\n');
    const stale = await statecraftBuild(...dirs, '--check', '--no-typecheck');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/different +\S*Alpha\.asl\.json/);
    expect(stale.stderr).toContain("Run 'npm run build' to update it.");
  }, 120_000); // a type-check: seconds, more on a busy machine

  it('stops on a type error with its location and exit code 1', async () => {
    const p = await createTempProject({
      'broken.ts': [
        `import { workflow } from ${JSON.stringify(DSL_IMPORT)};`,
        `export const broken = workflow('Broken').pass(42);`,
        ``,
      ].join('\n'),
    });
    projects.push(p);
    const result = await statecraftBuild('--workflows', p.workflowsDir, '--out', p.outDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.ts:2:\d+ - error TS\d+:/);
    expect(result.stderr).toContain('nothing was written');
  }, 120_000);

  it('reports every failing module, then exits 1', async () => {
    const p = await createTempProject({
      'alpha.ts': passWorkflowModule('alpha', 'Alpha'),
      'throws.ts': `export {};\nthrow new Error('missing ORDERS_TABLE');\n`,
      'dangling.ts': [
        `import { workflow } from ${JSON.stringify(DSL_IMPORT)};`,
        `export const dangling = workflow('Dangling').pass('P').next('Nowhere' as never);`,
        ``,
      ].join('\n'),
    });
    projects.push(p);
    const result = await statecraftBuild('--workflows', p.workflowsDir, '--out', p.outDir, '--no-typecheck');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 module that does not load and 1 workflow problem in the workflows; nothing was written:');
    expect(result.stderr).toMatch(/throws\.ts:2:7 - Could not load \S*throws\.ts: missing ORDERS_TABLE/);
    expect(result.stderr).toMatch(/dangling\.ts:2 Dangling › P › Next: Transition to unknown state 'Nowhere'/);
  }, 180_000);
});
