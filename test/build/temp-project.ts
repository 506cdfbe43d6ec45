import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { BuildError } from '../../src/build/index';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The DSL as a temp workflow module imports it (absolute and extensionless, like the repo's own imports). */
export const DSL_IMPORT = path.join(REPO_ROOT, 'src/dsl/index');
export const TSCONFIG = path.join(REPO_ROOT, 'tsconfig.json');

/** A throw-away project folder with a `workflows/` folder of the given modules. */
export interface TempProject {
  root: string;
  workflowsDir: string;
  outDir: string;
  writeWorkflow(fileName: string, source: string): Promise<void>;
  removeWorkflow(fileName: string): Promise<void>;
  /** The output folder's files and their text. */
  readOutput(): Promise<Record<string, string>>;
  dispose(): Promise<void>;
}

export async function createTempProject(workflows: Record<string, string>): Promise<TempProject> {
  const root = await mkdtemp(path.join(tmpdir(), 'statecraft-build-'));
  const workflowsDir = path.join(root, 'workflows');
  const outDir = path.join(root, 'generated');
  await mkdir(workflowsDir);
  const project: TempProject = {
    root,
    workflowsDir,
    outDir,
    writeWorkflow: (fileName, source) => writeFile(path.join(workflowsDir, fileName), source),
    removeWorkflow: (fileName) => rm(path.join(workflowsDir, fileName)),
    async readOutput() {
      let names: string[];
      try {
        names = (await readdir(outDir)).sort();
      } catch {
        return {};
      }
      const entries = await Promise.all(
        names.map(async (name) => [name, await readFile(path.join(outDir, name), 'utf8')] as const),
      );
      return Object.fromEntries(entries);
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
  for (const [fileName, source] of Object.entries(workflows)) await project.writeWorkflow(fileName, source);
  return project;
}

/** A small workflow module: `workflow(name)` with one Pass and one Succeed state. */
export function passWorkflowModule(exportName: string, workflowName: string, comment = 'A test workflow'): string {
  return [
    `import { workflow } from ${JSON.stringify(DSL_IMPORT)};`,
    ``,
    `export const ${exportName} = workflow(${JSON.stringify(workflowName)}, { comment: ${JSON.stringify(comment)} })`,
    `  .pass('Start', { result: { greeting: 'hello' } })`,
    `  .succeed('Done');`,
    ``,
  ].join('\n');
}

/** The {@link BuildError} `promise` rejects with (a test failure when it resolves or rejects with anything else). */
export async function buildError(promise: Promise<unknown>): Promise<BuildError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BuildError);
  return error as BuildError;
}
