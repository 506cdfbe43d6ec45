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
 * workflows on the main thread meanwhile (the check is the longest part of a cold build: about 3.7
 * of its 8.9 CPU-seconds for the repository's workflows, measured on a busy 2-core machine).
 *
 * One worker serves every check of the process, one check at a time, and keeps the source files
 * it parsed and bound (TypeScript's lib, `@types/node`, zod, the DSL: about 380 files) for the
 * next check: a later check in the process then costs little more than its type-checking
 * (measured on the repository's workflows: 2.7 CPU-seconds to parse and bind for the first
 * program, 0.15 to 0.25 for each later one). The tests build many small projects in one process;
 * `statecraft build` and `run` check once. An idle worker does not keep the process alive (`unref`).
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
  const worker = (shared ??= startWorker());
  const id = worker.nextId++;
  return new Promise((resolve, reject) => {
    worker.pending.set(id, { resolve, reject });
    worker.thread.ref();
    worker.thread.postMessage({ id, request });
  });
}

interface SharedWorker {
  thread: Worker;
  nextId: number;
  pending: Map<number, { resolve: (result: ProgramResult) => void; reject: (error: Error) => void }>;
}

type WorkerAnswer = { id: number; result: ProgramResult } | { id: number; error: string };

let shared: SharedWorker | undefined;

function startWorker(): SharedWorker {
  const thread = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], stdout: false, stderr: false });
  const worker: SharedWorker = { thread, nextId: 0, pending: new Map() };
  thread.on('message', (answer: WorkerAnswer) => {
    const waiting = worker.pending.get(answer.id);
    worker.pending.delete(answer.id);
    if (worker.pending.size === 0) thread.unref();
    if ('error' in answer) waiting?.reject(new Error(`The type-check failed: ${answer.error}`));
    else waiting?.resolve(answer.result);
  });
  // A worker that crashed (or ran out of memory) fails what it was doing; the next check starts a new one.
  const fail = (error: Error) => {
    if (shared === worker) shared = undefined;
    for (const waiting of worker.pending.values()) waiting.reject(error);
    worker.pending.clear();
  };
  thread.on('error', fail);
  thread.on('exit', (code) => fail(new Error(`The type-check worker stopped (exit code ${code}) without a result.`)));
  return worker;
}

// esbuild (tsx) compiles named functions as `__name(fn, "name")` calls to keep their names; the
// helper is module-level, so the worker defines a harmless one. `state` is the worker's memory
// between checks (see `checkProgram`).
const WORKER_SOURCE = [
  `const __name = (target) => target;`,
  `const { parentPort } = require('node:worker_threads');`,
  `const check = (${checkProgram.toString()});`,
  `const state = {};`,
  `parentPort.on('message', ({ id, request }) => {`,
  `  let answer;`,
  `  try { answer = { id, result: check(request, require, state) }; }`,
  `  catch (error) { answer = { id, error: String(error && error.stack || error) }; }`,
  `  parentPort.postMessage(answer);`,
  `});`,
].join('\n');

/** What {@link checkProgram} keeps between checks: parsed and bound source files. */
export interface CheckerState {
  files?: Map<string, { sourceFile: unknown; lastUsed: number }>;
  checks?: number;
}

/**
 * Type-checks `request.roots` and returns their errors. Self-contained (see
 * {@link checkProgramInWorker}): TypeScript comes from `load(request.typescript)`.
 *
 * Given the same `state` again, it reuses the source files of earlier checks whose text is
 * unchanged (compared in full, so any edit is seen): TypeScript's language service shares them
 * between programs the same way (its DocumentRegistry), binding included. They are shared only
 * between checks with the same TypeScript and the same options that decide how a file is parsed
 * and bound.
 */
export function checkProgram(request: ProgramRequest, load: (id: string) => unknown, state: CheckerState = {}): ProgramResult {
  const ts = load(request.typescript) as typeof import('typescript');
  let compilerOptions;
  if (request.tsConfig) {
    const parsed = ts.getParsedCommandLineOfConfigFile(request.tsConfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (!parsed) return { kind: 'unreadable-tsconfig' };
    compilerOptions = parsed.options;
  } else {
    compilerOptions = ts.convertCompilerOptionsFromJson(request.defaultOptions, request.cwd).options;
  }
  const options = { ...compilerOptions, noEmit: true, incremental: false, composite: false };
  const files = (state.files ??= new Map());
  const check = (state.checks = (state.checks ?? 0) + 1);
  // A source file no check read for this many checks is dropped (temporary projects come and go).
  const keepUnusedFor = 4;
  // The options that decide how a file is parsed and bound, as the language service's
  // DocumentRegistry keys its shared files (its public `getKeyForCompilationSettings`).
  const optionsKey = `${request.typescript}\0${ts.createDocumentRegistry().getKeyForCompilationSettings(options)}`;
  const host = ts.createCompilerHost(options);
  // JSDoc is parsed only where it can produce a diagnostic (in .ts files only comments with
  // `@see`/`@link`, which can mark an import used), as tsc itself parses (TypeScript 5.3+; older
  // versions lack the enum and parse it all). The DSL's sources are
  // mostly TSDoc: measured on the repository's workflows, program creation 660 → 580 ms.
  if (ts.JSDocParsingMode) host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  host.getSourceFile = (fileName, languageVersionOrOptions, onError) => {
    let text;
    try {
      text = host.readFile(fileName);
    } catch (error) {
      onError?.((error as Error).message);
    }
    if (text === undefined) return undefined;
    const key = `${optionsKey}\0${fileName}\0${JSON.stringify(languageVersionOrOptions)}`;
    const kept = files.get(key);
    const keptFile = kept?.sourceFile as import('typescript').SourceFile | undefined;
    if (kept && keptFile && keptFile.text === text) {
      kept.lastUsed = check;
      return keptFile;
    }
    const sourceFile = ts.createSourceFile(fileName, text, languageVersionOrOptions);
    files.set(key, { sourceFile, lastUsed: check });
    return sourceFile;
  };
  const program = ts.createProgram(request.roots, options, host);
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
  for (const [key, kept] of files) if (check - kept.lastUsed >= keepUnusedFor) files.delete(key);
  return { kind: 'checked', diagnostics, filesRead: program.getSourceFiles().map((sourceFile) => sourceFile.fileName) };
}
