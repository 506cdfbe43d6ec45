import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BuildError } from './build-error';
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
 * collected once, from where it was first seen.
 *
 * The modules are TypeScript. From source (tsx, vitest) a loader for them is already active; the
 * built CLI (plain Node) registers tsx's loader first, see {@link ensureTypeScriptLoader}.
 */
export async function loadWorkflows<W>(
  files: readonly string[],
  isWorkflow: (value: unknown) => value is W,
  cwd: string,
): Promise<{ workflows: LoadedWorkflow<W>[]; modulesWithoutWorkflows: string[] }> {
  const workflows: LoadedWorkflow<W>[] = [];
  const modulesWithoutWorkflows: string[] = [];
  const seen = new Set<unknown>();
  for (const file of files) {
    const displayFile = displayPath(cwd, file);
    const exports = await importModule(file, displayFile);
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
  return { workflows, modulesWithoutWorkflows };
}

async function importModule(file: string, displayFile: string): Promise<Record<string, unknown>> {
  try {
    await ensureTypeScriptLoader();
    return (await import(pathToFileURL(path.resolve(file)).href)) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BuildError(`Could not load ${displayFile}: ${reason}\nFix the module so that it can be imported.`);
  }
}

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
