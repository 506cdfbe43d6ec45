import { InvalidDefinitionError, validateDefinition } from '../asl/validate';
import { Interpreter, InMemoryS3, type ExecutionResult } from '../interpreter';
import type { ExecutionCase, InvalidDefinitionCase } from './cases';
import { compareResult } from './compare-result';
import { replayMocks } from './replay-mocks';

export interface CaseOutcome {
  id: string;
  feature: string;
  matched: boolean;
  /** Why it does not match. */
  difference?: string;
  expected: unknown;
  got: unknown;
  /** With recorded events: whether our history's event types equal them, and the first difference. */
  events?: { matched: boolean; difference?: string };
}

/** Wall-clock guard: a case that does not finish in this time is a mismatch, never a hang. */
const CASE_TIMEOUT_MS = 20_000;

/**
 * Runs one recorded execution with its context (names, ARNs, account, region, start time on the
 * virtual clock), its S3 objects and its task results replayed as mocks, and compares the result.
 */
export async function runExecutionCase(c: ExecutionCase): Promise<CaseOutcome> {
  const base = { id: c.id, feature: c.feature, expected: c.expected };
  let result: ExecutionResult;
  let events: CaseOutcome['events'];
  try {
    const sfn = new Interpreter({
      startTime: c.context.startTime,
      region: c.context.region,
      accountId: c.context.account,
      s3: new InMemoryS3(c.s3Objects ?? {}),
    });
    const machine = sfn.createStateMachine(c.definition, {
      name: c.context.stateMachineName,
      type: c.stateMachineType,
      roleArn: c.context.roleArn,
    });
    const execution = machine.startExecution(c.input, { name: c.context.executionName, mocks: replayMocks(c.taskResults) });
    result = await withTimeout(execution.result, () => execution.stop('Conformance.Timeout', 'the case did not finish'));
    events = c.events ? compareEvents(c.events, execution.history().map((e) => String(e.type))) : undefined;
  } catch (error) {
    const got = error instanceof InvalidDefinitionError ? `InvalidDefinitionError: ${error.message}` : `threw: ${(error as Error).stack ?? error}`;
    return { ...base, matched: false, difference: 'the run did not complete', got };
  }
  const difference = compareResult(c.expected, result, c.ignore ?? []);
  return { ...base, matched: difference === undefined, difference, got: result, events };
}

/** An invalid definition must be rejected by the validator before anything runs. */
export function runInvalidDefinitionCase(c: InvalidDefinitionCase): CaseOutcome {
  const errors = validateDefinition(c.definition, { stateMachineType: submittedType(c) }).filter((d) => d.severity === 'error');
  return {
    id: c.id,
    feature: c.feature,
    matched: errors.length > 0,
    difference: errors.length > 0 ? undefined : 'accepted, but AWS rejects it',
    expected: c.expected,
    got: errors.length > 0 ? errors.map((e) => e.message) : 'no validation error',
  };
}

function withTimeout<T>(promise: Promise<T>, onTimeout: () => void): Promise<T> {
  let handle: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    handle = setTimeout(() => {
      onTimeout();
      reject(new Error(`did not finish within ${CASE_TIMEOUT_MS / 1000} s of wall-clock time`));
    }, CASE_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(handle));
}

/**
 * The type the definition was submitted as. The file records no type; AWS's message says when it
 * was an Express state machine ("Express state machine does not support ..."), else Standard.
 */
function submittedType(c: InvalidDefinitionCase): 'STANDARD' | 'EXPRESS' {
  if (c.stateMachineType) return c.stateMachineType;
  return /\bExpress state machine\b/.test(c.expected.message) ? 'EXPRESS' : 'STANDARD';
}

function compareEvents(expected: readonly string[], actual: readonly string[]): { matched: boolean; difference?: string } {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (expected[i] !== actual[i]) {
      return { matched: false, difference: `event #${i + 1}: expected ${expected[i] ?? '(end)'}, got ${actual[i] ?? '(end)'} — expected ${expected.join(',')} / got ${actual.join(',')}` };
    }
  }
  return { matched: true };
}
