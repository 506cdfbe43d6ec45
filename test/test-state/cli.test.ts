import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/test-state';

const dir = mkdtempSync(join(tmpdir(), 'statecraft-test-state-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

const task = file('charge.json', {
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: 'charge', 'Payload.$': '$' },
  Retry: [{ ErrorEquals: ['Payment.Busy'], IntervalSeconds: 3 }],
  Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Refund' }],
  Next: 'Ship',
});
const machine = file('orders.asl.json', {
  StartAt: 'Check',
  States: {
    Check: { Type: 'Choice', Choices: [{ Variable: '$.total', NumericGreaterThan: 100, Next: 'Review' }], Default: 'Ship' },
    Review: { Type: 'Pass', End: true },
    Ship: { Type: 'Succeed' },
  },
});
const mockFile = file('mock.json', { result: { StatusCode: 200, Payload: { charged: true } } });

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) } };
}

describe('statecraft test-state', () => {
  it('tests a state with a mock from a file and prints the answer (exit 0)', async () => {
    const { out, io } = capture();
    const code = await run([task, '--input', '{"order":7}', '--mock', `@${mockFile}`, '--inspection-level', 'DEBUG'], io);
    expect(code).toBe(0);
    expect(out.stdout).toContain('status: SUCCEEDED');
    expect(out.stdout).toContain('nextState: Ship');
    expect(out.stdout).toContain('output: {"StatusCode":200,"Payload":{"charged":true}}');
    expect(out.stdout).toContain('afterParameters: {"FunctionName":"charge","Payload":{"order":7}}');
  });

  it('--json prints the TestState response as AWS shapes it', async () => {
    const { out, io } = capture();
    const code = await run([task, '--mock', '{"errorOutput":{"error":"Payment.Busy","cause":"later"}}', '--state-configuration', '{"retrierRetryCount":1}', '--inspection-level', 'TRACE', '--json'], io);
    expect(code).toBe(0);
    const answer = JSON.parse(out.stdout);
    expect(answer).toMatchObject({ status: 'RETRIABLE', error: 'Payment.Busy', cause: 'later', inspectionData: { errorDetails: { retryIndex: 0, retryBackoffIntervalSeconds: 6 } } });
  });

  it('--state-name picks a state of a machine', async () => {
    const { out, io } = capture();
    expect(await run([machine, '--state-name', 'Check', '--input', '{"total":150}', '--json'], io)).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ status: 'SUCCEEDED', output: '{"total":150}', nextState: 'Review' });
  });

  it('--variables and --context reach the state', async () => {
    const pass = file('pass.json', { Type: 'Pass', Parameters: { 'v.$': '$x', 'id.$': '$$.Execution.Id' }, End: true });
    const { out, io } = capture();
    expect(await run([pass, '--variables', '{"x":5}', '--context', '{"Execution":{"Id":"exec-1"}}', '--json'], io)).toBe(0);
    expect(JSON.parse(JSON.parse(out.stdout).output)).toEqual({ v: 5, id: 'exec-1' });
  });

  it('a FAILED state exits 1', async () => {
    const fail = file('fail.json', { Type: 'Fail', Error: 'Nope', Cause: 'no' });
    const { out, io } = capture();
    expect(await run([fail], io)).toBe(1);
    expect(out.stdout).toContain('status: FAILED');
    expect(out.stdout).toContain('error: Nope');
  });

  it('a rejected call prints AWS error name and message (exit 1)', async () => {
    const { out, io } = capture();
    expect(await run([task, '--mock', '{"result":{"StatusCode":"200"}}'], io)).toBe(1);
    expect(out.stderr).toBe("ValidationException: Mock result schema validation error: Field 'StatusCode' must be a number\n");
  });

  it('bad usage exits 2 with the usage', async () => {
    const { out, io } = capture();
    expect(await run([task, '--inspection-level', 'LOUD'], io)).toBe(2);
    expect(out.stderr).toContain('--inspection-level must be INFO, DEBUG or TRACE');
    expect(out.stderr).toContain('Usage: statecraft test-state');
    const second = capture();
    expect(await run([task, '--input', '{not json'], second.io)).toBe(2);
    expect(second.out.stderr).toContain('--input is not valid JSON');
  });
});
