/** `statecraft iam <file>`. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/commands/iam';
import { expectWellFormedPolicy } from './iam-test-support';

const FIXTURES = join(import.meta.dirname, 'fixtures');

let stdout: string;
let stderr: string;

beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('statecraft iam', () => {
  it('--json prints the policy document alone', async () => {
    expect(await run([join(FIXTURES, 'order-fulfilment.asl.json'), '--json'])).toBe(0);
    const policy = JSON.parse(stdout);
    expectWellFormedPolicy(policy);
    expect(policy.Statement.map((statement: { Sid: string }) => statement.Sid)).toContain('SqsSendMessageApprovalQueue');
    expect(stderr).toBe('');
  });

  it('prints the policy, the states that need each statement, warnings and workers', async () => {
    expect(await run([join(FIXTURES, 'tenant-maintenance.asl.json')])).toBe(0);
    expect(stdout).toContain('Execution role policy (5 statements)');
    expect(stdout).toMatch(/LambdaInvoke\s+Cleanup/);
    expect(stdout).toContain('dynamic-resource: [Cleanup] Parameters.FunctionName.$:');
    expect(stdout).toContain('Callback senders: no .waitForTaskToken states.');
    expect(stdout).toContain('arn:aws:iam::777788889999:role/tenant-maintenance (for Rotate)');
  });

  it('names the state machine after the file and accepts context options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'statecraft-iam-'));
    const file = join(dir, 'Approvals.asl.json');
    writeFileSync(
      file,
      JSON.stringify({
        StartAt: 'Ask',
        States: {
          Ask: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
            Parameters: { FunctionName: 'ask', Payload: { 'token.$': '$$.Task.Token' } },
            End: true,
          },
        },
      }),
    );
    expect(await run([file, '--region', 'eu-north-1', '--account', '123456789012'])).toBe(0);
    expect(stdout).toContain('arn:aws:lambda:eu-north-1:123456789012:function:ask');
    expect(stdout).toContain('arn:aws:states:eu-north-1:123456789012:stateMachine:Approvals');
  });

  it('reports unreadable files and bad arguments clearly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'statecraft-iam-'));
    const broken = join(dir, 'broken.asl.json');
    writeFileSync(broken, '{ "StartAt": ');
    expect(await run([broken])).toBe(1);
    expect(stderr).toContain('is not valid JSON');
    const notAsl = join(dir, 'list.json');
    writeFileSync(notAsl, '[1, 2]');
    expect(await run([notAsl])).toBe(1);
    expect(stderr).toContain('is not an ASL document');
    expect(await run([join(dir, 'missing.asl.json')])).toBe(1);
    expect(stderr).toContain('missing.asl.json does not exist');
    expect(await run([])).toBe(2);
    expect(await run([broken, '--region'])).toBe(2);
    expect(stderr).toContain('--region needs a value');
    expect(await run(['--help'])).toBe(0);
    expect(stdout).toContain('Usage: statecraft iam');
  });
});
