import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBuildChanges } from '../../src/verify/index';
import { createTempProject, DSL_IMPORT, type TempProject } from '../build/temp-project';
import { runCli } from '../support/run-cli';
import { example } from './helpers';
import { plantChange, renameStates } from './planted-changes';

const lottery = example('LotteryDraw');
const outDir = mkdtempSync(join(tmpdir(), 'statecraft-build-verify-'));
writeFileSync(join(outDir, 'LotteryDraw.asl.json'), JSON.stringify(lottery));

const pending = (content: unknown, kind = 'update') => ({
  outDir,
  changes: [
    { kind, fileName: 'LotteryDraw.asl.json' },
    { kind, fileName: 'LotteryDraw.iam.json' },
  ],
  files: [
    { fileName: 'LotteryDraw.asl.json', content: JSON.stringify(content), workflowName: 'LotteryDraw' },
    { fileName: 'LotteryDraw.iam.json', content: '{}', workflowName: 'LotteryDraw' },
  ],
});

describe('build --verify (verifyBuildChanges)', () => {
  it('a refactor that keeps behaviour: one verdict line, nothing changed', async () => {
    const result = await verifyBuildChanges(pending(renameStates(lottery)), { explore: 300 });
    expect(result.changed).toEqual([]);
    expect(result.output).toMatch(/^LotteryDraw: behaviour unchanged \(\d+ scenarios, 100% of transitions in both versions\)\n$/);
  });

  it('a behaviour change: named, with its counterexample', async () => {
    const changed = plantChange({ name: 'LotteryDraw', definition: lottery, type: 'STANDARD' }, 'retry-max-attempts')!.definition;
    const result = await verifyBuildChanges(pending(changed));
    expect(result.changed).toEqual(['LotteryDraw']);
    expect(result.output).toContain('LotteryDraw: behaviour CHANGED: call #');
    expect(result.output).toContain('Scenario (save it and pass it with --scenarios):');
  });

  it('a new workflow (created, not updated) has nothing to verify against', async () => {
    const result = await verifyBuildChanges(pending(lottery, 'create'));
    expect(result).toEqual({ changed: [], output: '' });
  });
});

describe('npm run build -- --verify (CLI, temp project)', () => {
  const moduleSource = (stateName: string, greeting: string) =>
    [
      `import { workflow } from ${JSON.stringify(DSL_IMPORT)};`,
      `export const greeter = workflow('Greeter', { comment: 'Greets' })`,
      `  .pass(${JSON.stringify(stateName)}, { result: { greeting: ${JSON.stringify(greeting)} } })`,
      `  .succeed('Done');`,
      ``,
    ].join('\n');

  /** `statecraft build` on the project, in-process (the bin's dispatch). */
  const build = (project: TempProject, ...args: string[]) =>
    runCli('build', '--workflows', project.workflowsDir, '--out', project.outDir, '--no-typecheck', ...args);

  /**
   * The next version of the Greeter module, under a new file name: in one process `import()` keeps
   * a module by its URL, so a rewritten file would load as its first version (the bin builds once).
   */
  let version = 0;
  async function edit(project: TempProject, source: string): Promise<void> {
    await project.removeWorkflow(`greeter-${version}.ts`);
    await project.writeWorkflow(`greeter-${++version}.ts`, source);
  }

  it('verifies changed workflows before writing: a rename passes, a changed result stops the build unless --accept', async () => {
    const project = await createTempProject({ 'greeter-0.ts': moduleSource('Start', 'hello') });
    try {
      expect((await build(project)).code).toBe(0);
      const original = (await project.readOutput())['Greeter.asl.json'];

      await edit(project, moduleSource('Begin', 'hello'));
      const renamed = await build(project, '--verify');
      expect(renamed.code).toBe(0);
      expect(renamed.stdout).toMatch(/Greeter: behaviour unchanged \(\d+ scenarios, 100% of transitions in both versions\)/);
      const afterRename = (await project.readOutput())['Greeter.asl.json'];
      expect(afterRename).toContain('"Begin"');

      await edit(project, moduleSource('Begin', 'bonjour'));
      const changed = await build(project, '--verify');
      expect(changed.code).toBe(1);
      expect(`${changed.stdout}${changed.stderr}`).toContain('Greeter: behaviour CHANGED: both succeeded, but before output {"greeting":"hello"} and after {"greeting":"bonjour"}');
      expect(changed.stderr).toContain('--accept');
      expect((await project.readOutput())['Greeter.asl.json']).toBe(afterRename);

      const accepted = await build(project, '--verify', '--accept');
      expect(accepted.code).toBe(0);
      expect((await project.readOutput())['Greeter.asl.json']).toContain('bonjour');
      expect(original).toContain('"Start"');
    } finally {
      await project.dispose();
    }
  }, 60_000);
});
