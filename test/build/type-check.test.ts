import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultToolchain, runBuild } from '../../src/build/index';
import { checkProgramInWorker } from '../../src/build/type-check-program';
import { createTempProject, DSL_IMPORT, passWorkflowModule, TSCONFIG, buildError, type TempProject } from './temp-project';

// The type-check runs on a worker thread beside the loading and compiling of the workflows
// (src/build/type-check-program.ts); these tests hold it to what a check before them gave.

const projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((project) => project.dispose()));
});

async function project(workflows: Record<string, string>): Promise<TempProject> {
  const created = await createTempProject(workflows);
  projects.push(created);
  return created;
}

const module = (...source: string[]) => [`import { workflow } from ${JSON.stringify(DSL_IMPORT)};`, ...source, ``].join('\n');

describe('the type-check on a worker thread', () => {
  it('returns each error of the roots with its file, line and column, and every file the program read', async () => {
    const p = await project({
      'alpha.ts': passWorkflowModule('alpha', 'Alpha'),
      'broken.ts': module(``, `const retries: number = 'three';`, `export const broken = workflow('Broken').pass('P').succeed('S');`),
    });
    const roots = [path.join(p.workflowsDir, 'alpha.ts'), path.join(p.workflowsDir, 'broken.ts')];
    const result = await checkProgramInWorker({
      typescript: createRequire(import.meta.url).resolve('typescript'),
      roots,
      tsConfig: TSCONFIG,
      defaultOptions: {},
      cwd: p.root,
    });
    if (result.kind !== 'checked') throw new Error(`expected a checked program, got ${result.kind}`);
    expect(result.diagnostics).toEqual([
      { file: roots[1], line: 3, column: 7, code: 2322, message: "Type 'string' is not assignable to type 'number'." },
    ]);
    // The cache fingerprints these: the roots, the DSL they import and TypeScript's own lib files.
    expect(result.filesRead).toEqual(expect.arrayContaining([...roots, `${DSL_IMPORT}.ts`]));
    expect(result.filesRead.some((file) => /lib\.es\d+\.d\.ts$/.test(file))).toBe(true);
  }, 120_000);

  it('reads comment directives as tsc does (JSDoc is parsed only where tsc parses it): a used @ts-expect-error hides its error, an unused one is TS2578', async () => {
    const p = await project({
      'directives.ts': module(
        `// @ts-expect-error a string is no number`,
        `const retries: number = 'three';`,
        `// @ts-expect-error nothing wrong below`,
        `const attempts: number = 3;`,
        `/** {@link retries} {@link attempts} */`,
        `export const directives = workflow('Directives').pass('P').succeed('S');`,
      ),
    });
    const root = path.join(p.workflowsDir, 'directives.ts');
    const result = await checkProgramInWorker({ typescript: createRequire(import.meta.url).resolve('typescript'), roots: [root], tsConfig: TSCONFIG, defaultOptions: {}, cwd: p.root });
    if (result.kind !== 'checked') throw new Error(`expected a checked program, got ${result.kind}`);
    expect(result.diagnostics).toEqual([{ file: root, line: 4, column: 1, code: 2578, message: "Unused '@ts-expect-error' directive." }]);
  }, 120_000);

  it('reports a module with a type error by its type error only, though it was loaded meanwhile', async () => {
    const p = await project({
      'alpha.ts': passWorkflowModule('alpha', 'Alpha'),
      // Mistyped, and it also throws when imported and names a state that does not exist.
      'mistyped.ts': module(
        `const retries: number = 'three';`,
        `export const dangling = workflow('Dangling').pass('P').next('Nowhere' as never);`,
        `throw new Error('no config');`,
      ),
      'throws.ts': `export const ready = true;\nthrow new Error('still loading');\n`,
    });
    const error = await buildError(
      runBuild(
        { workflowsDir: p.workflowsDir, outDir: p.outDir, cwd: p.root, tsConfigFilePath: TSCONFIG },
        { ...defaultToolchain(), diagram: undefined },
      ),
    );
    expect(error.problems.map((problem) => `${problem.kind} ${path.basename(problem.file)}`)).toEqual(['type mistyped.ts', 'load throws.ts']);
    expect(error.message).toContain(`${path.join('workflows', 'mistyped.ts')}:2:7 - error TS2322`);
    expect(error.message).not.toContain('no config');
    expect(await p.readOutput()).toEqual({});
  }, 120_000);

  it('checks a project without a tsconfig.json with strict defaults', async () => {
    const p = await project({
      'implicit.ts': module(`export function double(n) { return n * 2; }`, `export const flow = workflow('Flow').pass('P').succeed('S');`),
    });
    const error = await buildError(
      runBuild(
        { workflowsDir: p.workflowsDir, outDir: p.outDir, cwd: p.root, tsConfigFilePath: path.join(p.root, 'tsconfig.json') },
        { ...defaultToolchain(), diagram: undefined },
      ),
    );
    // TS7006 (implicit any) is an error only under `strict`.
    expect(error.message).toContain(`${path.join('workflows', 'implicit.ts')}:2:24 - error TS7006`);
  }, 120_000);
});
