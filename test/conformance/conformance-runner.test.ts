import { describe, expect, it } from 'vitest';
import { EXECUTIONS_FILE, INVALID_DEFINITIONS_FILE, loadExecutionCases, loadInvalidDefinitionCases } from '../../src/conformance/cases';
import { recordedCasesPresent } from '../support/recorded-cases';
import { compareResult } from '../../src/conformance/compare-result';
import { replayMocks } from '../../src/conformance/replay-mocks';
import { runExecutionCase, runInvalidDefinitionCase } from '../../src/conformance/run-case';
import { isNeverAnswers, type TaskInvocation } from '../../src/interpreter/tasks/task-mocks';
import { StatesError } from '../../src/interpreter/errors';
import { runConformance } from '../../src/conformance/run-conformance';

const recorded =
  recordedCasesPresent('the conformance runner on recorded executions', EXECUTIONS_FILE) &&
  recordedCasesPresent('the conformance runner on recorded invalid definitions', INVALID_DEFINITIONS_FILE);
const cases = recorded ? loadExecutionCases() : [];
const invocation = {} as TaskInvocation;

describe('compareResult', () => {
  it('compares outputs as JSON (numbers by value, key order free) and skips ignored paths', () => {
    expect(compareResult({ status: 'SUCCEEDED', output: { a: 1, b: [1.0] } }, { status: 'SUCCEEDED', output: { b: [1], a: 1 } }, [])).toBeUndefined();
    expect(compareResult({ status: 'SUCCEEDED', output: { a: 1 } }, { status: 'SUCCEEDED', output: { a: 2 } }, [])).toBe('$.output.a: expected 1, got 2');
    expect(compareResult({ status: 'SUCCEEDED', output: { t: 'date' } }, { status: 'SUCCEEDED', output: { t: '2024' } }, ['$.output.t'])).toBeUndefined();
    expect(compareResult({ status: 'SUCCEEDED', output: { t: 'date' } }, { status: 'SUCCEEDED', output: {} }, ['$.output.t'])).toMatch(/missing/);
  });

  it('compares FAILED by error and, where recorded, cause (JSON causes parsed)', () => {
    expect(compareResult({ status: 'FAILED', error: 'E', cause: { x: 1 } }, { status: 'FAILED', error: 'E', cause: '{"x":1}' }, [])).toBeUndefined();
    expect(compareResult({ status: 'FAILED', error: 'E' }, { status: 'FAILED', error: 'E', cause: 'anything' }, [])).toBeUndefined();
    expect(compareResult({ status: 'FAILED', error: 'E' }, { status: 'FAILED', error: 'F' }, [])).toMatch(/^error/);
    expect(compareResult({ status: 'SUCCEEDED' }, { status: 'FAILED' }, [])).toBe('status: expected SUCCEEDED, got FAILED');
  });
});

describe('replayMocks', () => {
  it('answers by parameters when several results are pending, and replays failures and timeouts', async () => {
    const mocks = replayMocks([
      { state: 'T', kind: 'task', resource: 'r', parameters: { n: 1 }, outcome: 'SUCCEEDED', output: 'one' },
      { state: 'T', kind: 'task', resource: 'r', parameters: { n: 2 }, outcome: 'SUCCEEDED', output: 'two' },
      { state: 'F', kind: 'task', resource: 'r', outcome: 'FAILED', error: 'E', cause: { why: 1 } },
      { state: 'H', kind: 'task', resource: 'r', outcome: 'TIMED_OUT', error: 'States.Timeout' },
    ]);
    expect(await mocks.T({ n: 2 }, invocation)).toBe('two');
    expect(await mocks.T({ n: 9 }, invocation)).toBe('one');
    expect(() => mocks.F({}, invocation)).toThrow(StatesError);
    try {
      mocks.F({}, invocation);
    } catch (error) {
      expect(error).toMatchObject({ error: 'States.Runtime' }); // no further result recorded
    }
    expect(isNeverAnswers(await mocks.H({}, invocation))).toBe(true);
  });
});

describe.skipIf(!recorded)('runExecutionCase', () => {
  const pick = (feature: string, status: string) => cases.find((c) => c.feature === feature && c.expected.status === status)!;

  it.each([
    ['base', 'SUCCEEDED'],
    ['error_handling', 'FAILED'],
    ['map', 'SUCCEEDED'],
    ['callbacks_activities', 'FAILED'],
    ['jsonata', 'SUCCEEDED'],
  ])('matches a recorded %s case (%s)', async (feature, status) => {
    const outcome = await runExecutionCase(pick(feature, status));
    expect(outcome.difference).toBeUndefined();
    expect(outcome.matched).toBe(true);
  });

  it('reports a difference when the expectation is not met', async () => {
    const c = pick('base', 'SUCCEEDED');
    const outcome = await runExecutionCase({ ...c, expected: { status: 'FAILED', error: 'Nope' } });
    expect(outcome.matched).toBe(false);
    expect(outcome.difference).toMatch(/^status: expected FAILED/);
  });

  it('rejects every recorded invalid definition', () => {
    const invalid = loadInvalidDefinitionCases();
    expect(invalid.map(runInvalidDefinitionCase).filter((o) => !o.matched).map((o) => o.id)).toEqual([]);
  });
});

/** `npm run conformance -- ARGS` in-process (what src/conformance/main.ts runs on process.argv). */
async function conformance(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out = { status: -1, stdout: '', stderr: '' };
  out.status = await runConformance(args, { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) });
  return out;
}

describe('npm run conformance', () => {
  it.skipIf(!recorded)('prints the table and the summary lines, filters with --feature/--id, and exits 0', async () => {
    const out = await conformance('--feature', 'wait', '--failures');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^wait\s+\d+\/11\s/m);
    expect(out.stdout).toMatch(/conformance: \d+\/11 cases match \(\d+\.\d%\)\n/);
    expect(out.stdout).toMatch(/validation: \d+\/\d+ invalid definitions rejected/);
  });

  it('exits 2 when it cannot run', async () => {
    const out = await conformance('/tmp/whatever.txt');
    expect(out.status).toBe(2);
    expect(out.stderr).toContain("cannot tell what '/tmp/whatever.txt' holds");
  });
});
