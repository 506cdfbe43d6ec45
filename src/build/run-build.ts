import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyChanges } from './apply-changes';
import { findWorkflowFiles } from './find-workflow-files';
import { displayPath } from './display-path';
import { loadWorkflows, type WorkflowOrigin } from './load-workflows';
import { planChanges, type FileChange } from './plan-changes';
import { renderOutputs, type BuildToolchain, type GeneratedFile } from './render-outputs';
import { loadFormatCache } from './format-cache';
import { typeCheckWorkflows } from './type-check-workflows';

export interface BuildOptions {
  /** Folder whose `*.ts` modules export the workflows. Default `workflows`. */
  workflowsDir?: string;
  /** Folder the `.asl.json` and `.iam.json` files go to. Default `generated`. */
  outDir?: string;
  /** Compare only: write nothing, report what is stale. Default `false`. */
  check?: boolean;
  /** Type-check the workflow modules first. Default `true`. */
  typeCheck?: boolean;
  /** The tsconfig for the type-check. Default `<cwd>/tsconfig.json`. */
  tsConfigFilePath?: string;
  /** Folder the other paths are relative to, and messages show paths from. Default `process.cwd()`. */
  cwd?: string;
  /**
   * Called with the planned changes before anything is written (when something would change);
   * throwing a {@link BuildError} stops the build with nothing written. `--verify` uses it.
   */
  beforeWrite?: (pending: { outDir: string; changes: readonly FileChange[]; files: readonly GeneratedFile[] }) => Promise<void>;
}

export interface BuildResult {
  check: boolean;
  /** The output folder, relative to `cwd` when inside it (for messages). */
  outDir: string;
  workflows: { name: string; origin: WorkflowOrigin }[];
  /** Every file of the output folder the build owns, with what it needed (in check mode) or got. */
  changes: FileChange[];
  /** True when the output folder already matched the workflows. */
  upToDate: boolean;
  /** Modules in the workflows folder that export no workflow (probably a mistake). */
  modulesWithoutWorkflows: string[];
  /** True when the type-check was skipped because nothing it reads changed since the last clean one. */
  typeCheckCached: boolean;
  /** Milliseconds per phase (`typeCheckMs` is 0 when the type-check was skipped). */
  timings: { typeCheckMs: number; loadMs: number; compileMs: number; writeMs: number; totalMs: number };
}

/**
 * Compiles every workflow exported by the modules of `workflowsDir` into `outDir`:
 * `<Name>.asl.json` and `<Name>.iam.json`, byte-identical for the same source. Files the build
 * owns (those suffixes) that no workflow produces are removed. With `check`, nothing is written
 * and `upToDate` tells whether the folder is current.
 *
 * Throws a {@link BuildError} (nothing written) on a type error, a module that fails to load, a
 * workflow that does not compile, or two workflows with one name.
 *
 * @example
 * const result = await runBuild({ check: true }, defaultToolchain());
 * if (!result.upToDate) console.log(result.changes.filter((c) => c.kind !== 'unchanged'));
 */
export async function runBuild<W>(options: BuildOptions, toolchain: BuildToolchain<W>): Promise<BuildResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const workflowsDir = path.resolve(cwd, options.workflowsDir ?? 'workflows');
  const outDir = path.resolve(cwd, options.outDir ?? 'generated');
  const check = options.check ?? false;

  const files = await findWorkflowFiles(workflowsDir);
  let mark = performance.now();
  let typeCheckMs = 0;
  let typeCheckCached = false;
  if (options.typeCheck ?? true) {
    const tsConfigFilePath = path.resolve(cwd, options.tsConfigFilePath ?? 'tsconfig.json');
    ({ cached: typeCheckCached } = await typeCheckWorkflows(workflowsDir, files, { tsConfigFilePath, cwd }));
    typeCheckMs = performance.now() - mark;
  }

  mark = performance.now();
  const { workflows, modulesWithoutWorkflows } = await loadWorkflows(files, toolchain.isWorkflow, cwd);
  const loadMs = performance.now() - mark;

  mark = performance.now();
  const formatCache = await loadFormatCache(cwd);
  const rendered = await renderOutputs(workflows, toolchain, formatCache);
  await formatCache.save();
  const changes = await planChanges(outDir, rendered);
  const compileMs = performance.now() - mark;
  const upToDate = changes.every((change) => change.kind === 'unchanged');

  mark = performance.now();
  if (!check && !upToDate) await options.beforeWrite?.({ outDir, changes, files: rendered });
  if (!check && !upToDate) await applyChanges(outDir, changes, rendered);
  const writeMs = performance.now() - mark;

  const names = new Map(rendered.map((file) => [file.workflowName, file.origin]));
  return {
    check,
    outDir: displayPath(cwd, outDir),
    workflows: [...names].map(([name, origin]) => ({ name, origin })),
    changes,
    upToDate,
    modulesWithoutWorkflows,
    typeCheckCached,
    timings: { typeCheckMs, loadMs, compileMs, writeMs, totalMs: performance.now() - started },
  };
}
