import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { BuildError, problemsError } from './build-error';
import { displayPath } from './display-path';
import { loadTypeCheckCache, typeCheckKey } from './type-check-cache';
import { checkProgramInWorker, type ProgramDiagnostic } from './type-check-program';

/** How the type-check went: `cached` when nothing it read had changed since the last clean check. */
export interface TypeCheckOutcome {
  cached: boolean;
}

/**
 * Type-checks the workflow modules with the project's tsconfig before anything imports them:
 * tsx strips types without checking them, so a workflow with a type error would otherwise
 * compile to ASL that does not match what its author meant.
 *
 * Every `.ts` file of the workflows folder is checked, sub-folders included (shared activities,
 * helpers). Diagnostics in the modules they import from elsewhere (the DSL) do not stop the
 * build: `npm run typecheck` reports those to their owners.
 *
 * A clean check is remembered in `node_modules/.cache/statecraft/` with a fingerprint of every
 * file the program read (see `type-check-cache.ts`); when none changed, the check is skipped and
 * TypeScript is not even loaded (a warm `statecraft build` then takes well under a second).
 * Otherwise TypeScript runs on a worker thread (`type-check-program.ts`), so the rest of
 * Statecraft never loads it and the build can import and compile the workflows meanwhile.
 *
 * @example
 * await typeCheckWorkflows('workflows', ['workflows/lottery.ts'], { tsConfigFilePath: 'tsconfig.json', cwd: process.cwd() });
 */
export async function typeCheckWorkflows(
  workflowsDir: string,
  files: readonly string[],
  options: { tsConfigFilePath: string; cwd: string },
): Promise<TypeCheckOutcome> {
  const roots = [...new Set([...files, ...(await listTypeScriptFiles(workflowsDir))].map((file) => path.resolve(file)))];
  return typeCheckModules(roots, options);
}

/**
 * The tsconfig a workflow folder is checked with when none is given: the folder's own
 * `tsconfig.json` if it has one (as an editor picks the nearest tsconfig for a file), else the
 * project's. A workflows folder may so narrow what its check loads: the repository's
 * `workflows/tsconfig.json` leaves out `@types/node` (workflows use no Node API), about a third of
 * what a cold type-check parses.
 *
 * @example
 * workflowTsConfig('workflows', process.cwd()); // 'workflows/tsconfig.json' when present, else 'tsconfig.json'
 */
export function workflowTsConfig(workflowsDir: string, cwd: string): string {
  const own = path.resolve(cwd, workflowsDir, 'tsconfig.json');
  return existsSync(own) ? own : path.resolve(cwd, 'tsconfig.json');
}

/**
 * Type-checks the given modules (and, through them, what they import) with the project's tsconfig;
 * the diagnostics reported are those in the given modules. Throws a {@link BuildError} whose
 * `problems` are the type errors, each with its `file:line:column`. Clean checks are cached as in
 * {@link typeCheckWorkflows}; `statecraft run workflows/x.ts` checks its one module with it.
 *
 * @example
 * await typeCheckModules(['workflows/order.ts'], { tsConfigFilePath: 'tsconfig.json', cwd: process.cwd() });
 */
export async function typeCheckModules(modules: readonly string[], options: { tsConfigFilePath: string; cwd: string }): Promise<TypeCheckOutcome> {
  const roots = [...new Set(modules.map((file) => path.resolve(options.cwd, file)))].sort();
  const tsConfig = existsSync(options.tsConfigFilePath) ? path.resolve(options.tsConfigFilePath) : undefined;
  const cache = await loadTypeCheckCache(options.cwd);
  const key = typeCheckKey(roots, tsConfig);
  if (await cache.isClean(key)) return { cached: true };

  const result = await checkProgramInWorker({ typescript: resolveTypeScript(), roots, tsConfig, defaultOptions: DEFAULT_OPTIONS, cwd: options.cwd });
  if (result.kind === 'unreadable-tsconfig') throw new BuildError(`Could not read ${tsConfig}; fix it or pass --tsconfig FILE.`);
  if (result.diagnostics.length > 0) {
    await cache.forget(key);
    // Every diagnostic, as a problem of its file: the build still imports and compiles the other modules.
    throw problemsError(
      result.diagnostics.map((diagnostic) => ({
        kind: 'type' as const,
        file: path.resolve(diagnostic.file ?? options.tsConfigFilePath),
        message: formatDiagnostic(diagnostic, options.cwd),
      })),
    );
  }
  await cache.remember(key, tsConfig ? [...result.filesRead, tsConfig] : result.filesRead);
  return { cached: false };
}

/**
 * Where the project's TypeScript is. Resolved like `require` would (not `import()`): loading its
 * 9 MB through the ESM loader, with tsx's hooks active, cost about a second more than `require`.
 */
function resolveTypeScript(): string {
  try {
    return createRequire(import.meta.url).resolve('typescript');
  } catch {
    throw new BuildError(
      `statecraft build type-checks the workflows with TypeScript, which is not installed here. ` +
        `Run 'npm install -D typescript', or pass --no-typecheck.`,
    );
  }
}

// Without a tsconfig.json the workflows are checked as a fresh `tsc --init --strict` ESM project would.
const DEFAULT_OPTIONS = {
  strict: true,
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  skipLibCheck: true,
  esModuleInterop: true,
  resolveJsonModule: true,
} as const;

async function listTypeScriptFiles(dir: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath ?? (entry as { path?: string }).path ?? dir, entry.name));
}

/** `workflows/lottery.ts:12:5 - error TS2322: Type 'string' is not assignable to type 'number'.` */
function formatDiagnostic(diagnostic: ProgramDiagnostic, cwd: string): string {
  const code = `error TS${diagnostic.code}`;
  if (diagnostic.file === undefined) return `${code}: ${diagnostic.message}`;
  return `${displayPath(cwd, diagnostic.file)}:${diagnostic.line}:${diagnostic.column} - ${code}: ${diagnostic.message}`;
}
