/**
 * The recorded AWS cases (`executions.jsonl`, `invalid-definitions.jsonl`; see the conformance
 * README) and the one loader every reader uses: the conformance runner and the tests.
 *
 * @example
 * const cases = loadExecutionCases({ feature: 'intrinsic_functions' });
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Json } from '../asl/types';

// The package root: src/conformance/ from the repository, dist/conformance/ from the package.
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where the recorded cases are: `$STATECRAFT_CONFORMANCE_DIR`, else the first `shared/conformance`
 * folder found in the package root or a folder above it (the project keeps it beside the
 * repository; no location outside the repository is assumed). `undefined` when there is none.
 */
export function findConformanceDir(): string | undefined {
  const configured = process.env.STATECRAFT_CONFORMANCE_DIR;
  if (configured) return resolve(configured);
  for (let dir = PACKAGE_ROOT; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'conformance');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The recorded cases' folder ({@link findConformanceDir}); when none is found, where it would be
 * in the repository (`shared/conformance`), so that the files below name a path that says what is
 * missing. Check {@link hasExecutionCases} (or `existsSync`) before reading.
 */
export const CONFORMANCE_DIR = findConformanceDir() ?? join(PACKAGE_ROOT, 'shared', 'conformance');

/**
 * Why a file of recorded cases cannot be read, for the tests and tools that need them (they live
 * outside the repository, so a checkout without them still tests everything else).
 *
 * @example
 * if (!existsSync(EXECUTIONS_FILE)) console.warn(`Choice cases skipped: ${conformanceAbsentReason(EXECUTIONS_FILE)}`);
 */
export function conformanceAbsentReason(file: string): string {
  return `${file} is absent. The AWS recordings are not in the repository; set STATECRAFT_CONFORMANCE_DIR to their folder (or keep shared/conformance beside the repository).`;
}
export const EXECUTIONS_FILE = join(CONFORMANCE_DIR, 'executions.jsonl');
export const INVALID_DEFINITIONS_FILE = join(CONFORMANCE_DIR, 'invalid-definitions.jsonl');
export const TEST_STATE_FILE = join(CONFORMANCE_DIR, 'test-state.jsonl');

export interface TaskResultRecord {
  state: string;
  kind: 'lambda' | 'task' | 'activity';
  resource: string;
  parameters?: Json;
  outcome: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';
  output?: Json;
  error?: string;
  cause?: Json;
}

export interface ExecutionCase {
  id: string;
  feature: string;
  stateMachineType: 'STANDARD' | 'EXPRESS';
  definition: Json;
  input: Json;
  context: {
    executionArn: string;
    executionName: string;
    stateMachineArn: string;
    stateMachineName: string;
    roleArn: string;
    account: string;
    region: string;
    startTime: string;
  };
  taskResults: TaskResultRecord[] | null;
  s3Objects: Record<string, string> | null;
  expected: { status: string; output?: Json; error?: string; cause?: Json };
  ignore: string[];
  events: string[] | null;
}

export interface InvalidDefinitionCase {
  id: string;
  feature: string;
  definition: Json;
  stateMachineType?: 'STANDARD' | 'EXPRESS';
  expected: { error: string; message: string };
}

/** Reads a JSON Lines file; a malformed line is an error naming the file and line. */
function readJsonLines<T>(file: string): T[] {
  const text = readFileSync(file, 'utf8');
  const rows: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      rows.push(JSON.parse(line) as T);
    } catch (error) {
      throw new Error(`${file}:${i + 1}: not valid JSON (${(error as Error).message})`);
    }
  });
  return rows;
}

/** True when the recorded executions are there (they live outside the repository). */
export function hasExecutionCases(file: string = EXECUTIONS_FILE): boolean {
  return existsSync(file);
}

/**
 * The executions recorded on AWS, in file order; `feature` keeps one feature's. `T` lets a caller
 * name the narrower view it reads (e.g. a typed `definition`); the default is the whole record.
 */
export function loadExecutionCases<T extends { id: string; feature: string } = ExecutionCase>(
  options: { feature?: string; file?: string } = {},
): T[] {
  const cases = readJsonLines<T>(options.file ?? EXECUTIONS_FILE);
  return options.feature === undefined ? cases : cases.filter((c) => c.feature === options.feature);
}

/** One recorded TestState call (`test-state.jsonl`; see the conformance README). */
export interface TestStateCase {
  id: string;
  feature: string;
  definition: Json;
  input: Json;
  variables: Json;
  context: Json;
  request: {
    inspectionLevel?: 'INFO' | 'DEBUG' | 'TRACE';
    mock?: { result?: Json; errorOutput?: { error?: string; cause?: string }; fieldValidationMode?: 'STRICT' | 'PRESENT' | 'NONE' };
    stateName?: string;
    stateConfiguration?: { retrierRetryCount?: number; errorCausedByState?: string; mapIterationFailureCount?: number; mapItemReaderData?: string };
    revealSecrets?: boolean;
  };
  expected: { response: Record<string, Json> } | { error: string; message: string };
  ignore: string[];
}

/** The TestState calls recorded on AWS, in file order. */
export function loadTestStateCases(file: string = TEST_STATE_FILE): TestStateCase[] {
  return readJsonLines<TestStateCase>(file);
}

/** The definitions AWS rejected, in file order. */
export function loadInvalidDefinitionCases(file: string = INVALID_DEFINITIONS_FILE): InvalidDefinitionCase[] {
  return readJsonLines<InvalidDefinitionCase>(file);
}
