import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Program } from 'typescript';
import { BuildError } from './build-error';
import { displayPath } from './display-path';
import { loadTypeCheckCache, typeCheckKey, type TypeCheckCache } from './type-check-cache';

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
 * TypeScript is imported lazily, so the rest of Statecraft never loads it.
 *
 * @example
 * await typeCheckWorkflows('workflows', ['workflows/lottery.ts'], { tsConfigFilePath: 'tsconfig.json', cwd: process.cwd() });
 */
export async function typeCheckWorkflows(
  workflowsDir: string,
  files: readonly string[],
  options: { tsConfigFilePath: string; cwd: string },
): Promise<TypeCheckOutcome> {
  const roots = [...new Set([...files, ...(await listTypeScriptFiles(workflowsDir))].map((file) => path.resolve(file)))].sort();
  const tsConfig = existsSync(options.tsConfigFilePath) ? path.resolve(options.tsConfigFilePath) : undefined;
  const cache = await loadTypeCheckCache(options.cwd);
  const key = typeCheckKey(roots, tsConfig);
  if (await cache.isClean(key)) return { cached: true };

  const ts = await loadTypeScript();
  const program = createProgram(ts, roots, tsConfig);
  const diagnostics = roots.flatMap((root) => {
    const sourceFile = program.getSourceFile(root);
    if (!sourceFile) return [];
    return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].filter(
      (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error,
    );
  });
  if (diagnostics.length > 0) {
    await cache.forget(key);
    const lines = diagnostics.map((diagnostic) => formatDiagnostic(ts, diagnostic, options.cwd));
    const count = diagnostics.length === 1 ? '1 type error' : `${diagnostics.length} type errors`;
    throw new BuildError(`${count} in the workflows; nothing was written:\n${lines.join('\n')}`);
  }
  await rememberClean(cache, key, program, tsConfig);
  return { cached: false };
}

type TypeScript = typeof import('typescript');

async function loadTypeScript(): Promise<TypeScript> {
  try {
    return ((await import('typescript')) as { default: TypeScript }).default;
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

function createProgram(ts: TypeScript, roots: readonly string[], tsConfig: string | undefined): Program {
  let compilerOptions;
  if (tsConfig) {
    const parsed = ts.getParsedCommandLineOfConfigFile(tsConfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (!parsed) throw new BuildError(`Could not read ${tsConfig}; fix it or pass --tsconfig FILE.`);
    compilerOptions = parsed.options;
  } else {
    compilerOptions = ts.convertCompilerOptionsFromJson(DEFAULT_OPTIONS, process.cwd()).options;
  }
  return ts.createProgram([...roots], { ...compilerOptions, noEmit: true, incremental: false, composite: false });
}

async function rememberClean(cache: TypeCheckCache, key: string, program: Program, tsConfig: string | undefined): Promise<void> {
  const read = program.getSourceFiles().map((sourceFile) => sourceFile.fileName);
  await cache.remember(key, tsConfig ? [...read, tsConfig] : read);
}

async function listTypeScriptFiles(dir: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath ?? (entry as { path?: string }).path ?? dir, entry.name));
}

/** `workflows/lottery.ts:12:5 - error TS2322: Type 'string' is not assignable to type 'number'.` */
function formatDiagnostic(ts: TypeScript, diagnostic: Diagnostic, cwd: string): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ');
  const code = `error TS${diagnostic.code}`;
  if (!diagnostic.file || diagnostic.start === undefined) return `${code}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${displayPath(cwd, diagnostic.file.fileName)}:${line + 1}:${character + 1} - ${code}: ${message}`;
}
