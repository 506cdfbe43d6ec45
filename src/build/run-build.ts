import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyChanges } from './apply-changes';
import { findWorkflowFiles } from './find-workflow-files';
import { displayPath } from './display-path';
import { loadWorkflows, type WorkflowOrigin } from './load-workflows';
import { planChanges, type FileChange } from './plan-changes';
import { compileWorkflows, renderOutputs, type BuildToolchain, type GeneratedFile } from './render-outputs';
import { BuildError, problemsError, type BuildProblem } from './build-error';
import { loadFormatCache } from './format-cache';
import { typeCheckWorkflows, workflowTsConfig } from './type-check-workflows';

export interface BuildOptions {
  /** Folder whose `*.ts` modules export the workflows. Default `workflows`. */
  workflowsDir?: string;
  /** Folder the `.asl.json` and `.iam.json` files go to. Default `generated`. */
  outDir?: string;
  /** Compare only: write nothing, report what is stale. Default `false`. */
  check?: boolean;
  /** Type-check the workflow modules first. Default `true`. */
  typeCheck?: boolean;
  /** The tsconfig for the type-check. Default: the workflows folder's `tsconfig.json` if it has one, else `<cwd>/tsconfig.json`. */
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
  /**
   * Milliseconds per phase (`typeCheckMs` is 0 when the type-check was skipped). The type-check
   * runs beside loading and compiling, so the phases add up to more than `totalMs`.
   */
  timings: { typeCheckMs: number; loadMs: number; compileMs: number; writeMs: number; totalMs: number };
}

/**
 * Compiles every workflow exported by the modules of `workflowsDir` into `outDir`:
 * `<Name>.asl.json` and `<Name>.iam.json`, byte-identical for the same source. Files the build
 * owns (those suffixes) that no workflow produces are removed. With `check`, nothing is written
 * and `upToDate` tells whether the folder is current.
 *
 * Throws a {@link BuildError} (nothing written) on type errors, modules that fail to load,
 * workflows that do not compile, or two workflows with one name: all of them at once, each with
 * its `file:line` (the error's `problems` lists them).
 *
 * The toolchain may be given as a promise: the type-check then starts while the compiler loads
 * (`statecraft build` passes its lazy import).
 *
 * @example
 * const result = await runBuild({ check: true }, defaultToolchain());
 * if (!result.upToDate) console.log(result.changes.filter((c) => c.kind !== 'unchanged'));
 */
export async function runBuild<W>(options: BuildOptions, toolchainToLoad: BuildToolchain<W> | Promise<BuildToolchain<W>>): Promise<BuildResult> {
  const started = performance.now();
  // Awaited below; until then a failed load must not count as an unhandled rejection.
  Promise.resolve(toolchainToLoad).catch(() => {});
  const cwd = options.cwd ?? process.cwd();
  const workflowsDir = path.resolve(cwd, options.workflowsDir ?? 'workflows');
  const outDir = path.resolve(cwd, options.outDir ?? 'generated');
  const check = options.check ?? false;

  const files = await findWorkflowFiles(workflowsDir);
  // The type-check runs on a worker thread while this thread imports, compiles and draws the
  // workflows (it is most of a cold build); nothing is written before it has passed.
  const typeCheck = (options.typeCheck ?? true) ? startTypeCheck(workflowsDir, files, cwd, options.tsConfigFilePath) : undefined;

  let mark = performance.now();
  // Given as a promise, the compiler (the DSL, the IAM pass) loads while the type-check starts.
  const toolchain = await toolchainToLoad;
  let built = await loadAndCompile(files, toolchain, cwd);
  const loadMs = performance.now() - mark;

  mark = performance.now();
  // Drawn before the type-check's verdict (the drawing is the other half of a cold build); dropped if it fails.
  const formatCache = await loadFormatCache(cwd);
  const rendered = built.problems.length === 0 ? await renderOutputs(built.compiled, toolchain, formatCache) : [];
  const changes = await planChanges(outDir, rendered);
  const compileMs = performance.now() - mark;

  const checked = await typeCheck;
  if (checked?.error) throw checked.error;
  // Every problem of every phase is collected and reported together (one build, every failing module).
  const problems: BuildProblem[] = [...(checked?.problems ?? [])];
  if (problems.length > 0) {
    // A module with type errors does not count as loaded: its load or compile errors would only repeat
    // them. Loading again without those modules gives what a build that skipped them would have
    // found (the module loader caches every module, so none runs twice).
    const mistyped = new Set(problems.map((problem) => problem.file));
    built = await loadAndCompile(files.filter((file) => !mistyped.has(path.resolve(file))), toolchain, cwd);
  }
  problems.push(...built.problems);
  if (problems.length > 0) throw problemsError(problems);
  const { modulesWithoutWorkflows } = built;
  await formatCache.save();
  const typeCheckMs = checked?.ms ?? 0;
  const typeCheckCached = checked?.cached ?? false;
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

/** Imports the modules and compiles their workflows; `problems` lists what failed in either step. */
async function loadAndCompile<W>(files: readonly string[], toolchain: BuildToolchain<W>, cwd: string) {
  const loaded = await loadWorkflows(files, toolchain.isWorkflow, cwd);
  const { compiled, problems } = compileWorkflows(loaded.workflows, toolchain);
  return { compiled, modulesWithoutWorkflows: loaded.modulesWithoutWorkflows, problems: [...loaded.problems, ...problems] };
}

/**
 * Starts the type-check; the promise never rejects, so the build can do other work meanwhile: it
 * resolves to the type errors (as problems), or to the error that stopped the check itself.
 */
async function startTypeCheck(
  workflowsDir: string,
  files: readonly string[],
  cwd: string,
  tsConfigFilePath: string | undefined,
): Promise<{ cached: boolean; ms: number; problems: BuildProblem[]; error?: unknown }> {
  const started = performance.now();
  const ms = () => performance.now() - started;
  try {
    const { cached } = await typeCheckWorkflows(workflowsDir, files, { tsConfigFilePath: tsConfigFilePath ? path.resolve(cwd, tsConfigFilePath) : workflowTsConfig(workflowsDir, cwd), cwd });
    return { cached, ms: ms(), problems: [] };
  } catch (error) {
    if (error instanceof BuildError && error.problems.length > 0) return { cached: false, ms: ms(), problems: [...error.problems] };
    return { cached: false, ms: ms(), problems: [], error };
  }
}
