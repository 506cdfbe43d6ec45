import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stackFrames } from '../dsl/source/capture-source';
import type { BuildProblem } from './build-error';
import { displayPath } from './display-path';

/** Where a workflow came from, for messages: `workflows/lottery.ts (export lotteryDraw)`. */
export interface WorkflowOrigin {
  file: string;
  exportName: string;
}

export interface LoadedWorkflow<W> {
  workflow: W;
  origin: WorkflowOrigin;
}

/**
 * Imports each module and collects the workflows it exports, in file then export order.
 * One workflow object exported under several names (or re-exported by another module) is
 * collected once, from where it was first seen. A module that fails to import (a throw at its
 * top level, a DslUsageError from a builder call) is a problem with the user's `file:line`, and the
 * other modules are still imported, so that one build reports every failing module.
 *
 * The modules are TypeScript. From source (tsx, vitest) a loader for them is already active; the
 * built CLI (plain Node) registers tsx's loader first, see {@link ensureTypeScriptLoader}.
 */
export async function loadWorkflows<W>(
  files: readonly string[],
  isWorkflow: (value: unknown) => value is W,
  cwd: string,
): Promise<{ workflows: LoadedWorkflow<W>[]; modulesWithoutWorkflows: string[]; problems: BuildProblem[] }> {
  const workflows: LoadedWorkflow<W>[] = [];
  const modulesWithoutWorkflows: string[] = [];
  const problems: BuildProblem[] = [];
  const seen = new Set<unknown>();
  for (const file of files) {
    const displayFile = displayPath(cwd, file);
    const imported = await importModule(file, displayFile, cwd);
    if ('problem' in imported) {
      problems.push(imported.problem);
      continue;
    }
    const exports = imported.exports;
    let found = 0;
    for (const [exportName, value] of Object.entries(exports)) {
      if (!isWorkflow(value)) continue;
      found++;
      if (seen.has(value)) continue;
      seen.add(value);
      workflows.push({ workflow: value, origin: { file: displayFile, exportName } });
    }
    if (found === 0) modulesWithoutWorkflows.push(displayFile);
  }
  return { workflows, modulesWithoutWorkflows, problems };
}

async function importModule(
  file: string,
  displayFile: string,
  cwd: string,
): Promise<{ exports: Record<string, unknown> } | { problem: BuildProblem }> {
  try {
    await ensureTypeScriptLoader();
    return { exports: (await import(pathToFileURL(path.resolve(file)).href)) as Record<string, unknown> };
  } catch (error) {
    const named = error instanceof Error && error.name !== 'Error' ? `${error.name}: ` : '';
    const reason = error instanceof Error ? error.message : String(error);
    const where = thrownAt(error, file, cwd);
    return {
      problem: {
        kind: 'load',
        file: path.resolve(file),
        message: `${where ? `${where} - ` : ''}Could not load ${displayFile}: ${named}${reason}\nFix the module so that it can be imported.`,
      },
    };
  }
}

/**
 * `file:line:column` of the user's code that threw while the module loaded: the innermost frame
 * in the module itself or beside it (its folder: shared helpers), else the innermost frame outside
 * Statecraft, Node and node_modules. A DslUsageError is thrown deep inside the builders; the
 * line to fix is the builder call in the workflow module, not ours.
 */
function thrownAt(error: unknown, file: string, cwd: string): string | undefined {
  if (!(error instanceof Error) || !error.stack) return undefined;
  const frames = stackFrames(error.stack);
  const userDir = path.dirname(path.resolve(file));
  const frame =
    frames.find((candidate) => candidate.file.startsWith(userDir + path.sep)) ??
    frames.find((candidate) => path.isAbsolute(candidate.file) && !candidate.file.includes(`${path.sep}node_modules${path.sep}`) && !candidate.file.startsWith(STATECRAFT_DIR));
  return frame ? `${displayPath(cwd, frame.file)}:${frame.line}:${frame.column}` : undefined;
}

// Statecraft's own code (src/ from the repository, dist/ from the package): never the user's line.
const STATECRAFT_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url))) + path.sep;

let loaderReady: Promise<void> | undefined;

/**
 * Makes `import()` of `.ts` files work. When this module itself runs as TypeScript (the repo's
 * `tsx src/cli/main.ts`, vitest), a loader is active already; the built package runs as plain
 * JavaScript under Node, so it registers tsx's ESM loader (once, and only when a build runs: tsx
 * is loaded lazily).
 */
function ensureTypeScriptLoader(): Promise<void> {
  loaderReady ??= import.meta.url.endsWith('.ts')
    ? Promise.resolve()
    : import('tsx/esm/api').then(({ register }) => {
        register();
      });
  return loaderReady;
}
