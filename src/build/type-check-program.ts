import { Worker } from 'node:worker_threads';

/** What one type-check needs: plain data, because it crosses to a worker thread. */
export interface ProgramRequest {
  /** Absolute path of the `typescript` module to load (the project's own, as `require` resolves it). */
  typescript: string;
  /** The modules whose diagnostics count (absolute paths). */
  roots: string[];
  /** The tsconfig.json to read compiler options from; absent: `defaultOptions`. */
  tsConfig?: string;
  /** `compilerOptions` as written in a tsconfig.json, used when there is no `tsConfig`. */
  defaultOptions: Record<string, unknown>;
  /** Folder relative paths in `defaultOptions` are resolved from. */
  cwd: string;
}

/** One error TypeScript reported in a root module; `file`, `line`, `column` (1-based) when it has a place. */
export interface ProgramDiagnostic {
  file?: string;
  line?: number;
  column?: number;
  code: number;
  message: string;
}

/** The errors in the roots, and every file the program read (for the cache's fingerprints). */
export type ProgramResult =
  | { kind: 'checked'; diagnostics: ProgramDiagnostic[]; filesRead: string[] }
  | { kind: 'unreadable-tsconfig' };

/**
 * Runs {@link checkProgram} on a worker thread, so that the build imports, compiles and draws the
 * workflows on the main thread meanwhile (the check is two thirds of a cold build's CPU time:
 * 6 of 9.5 CPU-seconds for the repository's workflows).
 *
 * The worker runs the function's own source (`eval`), not a module file: a file next to this one
 * is not there once the package is bundled, and from source a `.ts` module would need tsx's loader
 * registered in the worker first (measured: a worker with tsx registered took 0.7 to 1.9 s to run
 * its first line, a plain one 0.1 to 0.4 s, on a busy 2-core machine). The function is
 * self-contained for that reason: no imports, no closure, TypeScript loaded with `require`.
 * `execArgv: []` keeps the parent's loader flags (`--import tsx`) out of the worker: it needs none.
 *
 * @example
 * const result = await checkProgramInWorker({ typescript: require.resolve('typescript'), roots, defaultOptions: {}, cwd });
 */
export function checkProgramInWorker(request: ProgramRequest): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: request,
      execArgv: [],
      stdout: false,
      stderr: false,
    });
    let settled = false;
    worker.once('message', (result: ProgramResult) => {
      settled = true;
      resolve(result);
      // The result is all the build needs: do not wait for the worker to tear its heap down.
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The type-check worker stopped (exit code ${code}) without a result.`));
    });
  });
}

// esbuild (tsx) compiles named functions as `__name(fn, "name")` calls to keep their names; the
// helper is module-level, so the worker defines a harmless one.
const WORKER_SOURCE = [
  `const __name = (target) => target;`,
  `const { parentPort, workerData } = require('node:worker_threads');`,
  `parentPort.postMessage((${checkProgram.toString()})(workerData, require));`,
].join('\n');

/**
 * Type-checks `request.roots` and returns their errors. Self-contained (see
 * {@link checkProgramInWorker}): TypeScript comes from `load(request.typescript)`.
 */
export function checkProgram(request: ProgramRequest, load: (id: string) => unknown): ProgramResult {
  const ts = load(request.typescript) as typeof import('typescript');
  let compilerOptions;
  if (request.tsConfig) {
    const parsed = ts.getParsedCommandLineOfConfigFile(request.tsConfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (!parsed) return { kind: 'unreadable-tsconfig' };
    compilerOptions = parsed.options;
  } else {
    compilerOptions = ts.convertCompilerOptionsFromJson(request.defaultOptions, request.cwd).options;
  }
  const program = ts.createProgram(request.roots, { ...compilerOptions, noEmit: true, incremental: false, composite: false });
  const diagnostics: ProgramDiagnostic[] = [];
  for (const root of request.roots) {
    const sourceFile = program.getSourceFile(root);
    if (!sourceFile) continue;
    for (const diagnostic of [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]) {
      if (diagnostic.category !== ts.DiagnosticCategory.Error) continue;
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ');
      if (!diagnostic.file || diagnostic.start === undefined) {
        diagnostics.push({ code: diagnostic.code, message });
        continue;
      }
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      diagnostics.push({ file: diagnostic.file.fileName, line: line + 1, column: character + 1, code: diagnostic.code, message });
    }
  }
  return { kind: 'checked', diagnostics, filesRead: program.getSourceFiles().map((sourceFile) => sourceFile.fileName) };
}
