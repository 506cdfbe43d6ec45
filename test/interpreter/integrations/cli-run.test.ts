import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/commands/run';

const definition = {
  StartAt: 'Approve',
  States: {
    Approve: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { 'Token.$': '$$.Task.Token' }, ResultPath: '$.approval', Next: 'Check' },
    Check: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:check', ResultPath: '$.check', Next: 'Job' },
    Job: {
      Type: 'Task',
      Resource: 'arn:aws:states:::batch:submitJob.sync',
      TimeoutSeconds: 600,
      ResultPath: '$.job',
      Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'TimedOut' }],
      End: true,
    },
    TimedOut: { Type: 'Pass', End: true },
  },
};

const mockConfig = {
  StateMachines: {
    Flow: {
      TestCases: {
        Happy: { Approve: 'Approved', Check: 'Checked', Job: 'JobRuns' },
        JobFails: { Approve: 'Approved', Check: 'Checked', Job: 'JobFails' },
        JobHangs: { Approve: 'Approved', Check: 'Checked', Job: 'JobHangs' },
        Rejected: { Approve: 'Rejected' },
      },
    },
  },
  MockedResponses: {
    Approved: { '0': { Return: { approved: true } } },
    Rejected: { '0': { Throw: { Error: 'Rejected', Cause: 'by the reviewer' } } },
    Checked: { '0': { Return: 'ok' } },
    JobRuns: { '0': { Return: { JobId: 'j-1' }, DelaySeconds: 300 } },
    JobFails: { '0': { Throw: { Error: 'States.TaskFailed', Cause: 'exit 1' }, DelaySeconds: 30 } },
    JobHangs: { '0': { NeverAnswers: true } },
  },
};

function files(): { asl: string; mocks: string } {
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-run-'));
  const asl = join(dir, 'Flow.asl.json');
  const mocks = join(dir, 'MockConfigFile.json');
  writeFileSync(asl, JSON.stringify(definition));
  writeFileSync(mocks, JSON.stringify(mockConfig));
  return { asl, mocks };
}

async function runCase(testCase: string): Promise<{ code: number; result: { status: string; output?: unknown; error?: string; history: { type: string; timestamp: string }[] } }> {
  const { asl, mocks } = files();
  let out = '';
  const code = await run([asl, '--mocks', mocks, '--test-case', testCase, '--state-machine', 'Flow', '--start-time', '2024-01-01T00:00:00Z', '--json'], {
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    colour: false,
  });
  return { code, result: JSON.parse(out) };
}

describe('statecraft run: mock files answer callbacks, activities and .sync jobs', () => {
  it('answers the callback (as SendTaskSuccess) and the activity (as a worker), and runs the .sync job for DelaySeconds', async () => {
    const { code, result } = await runCase('Happy');
    expect(code).toBe(0);
    expect(result.output).toEqual({ approval: { approved: true }, check: 'ok', job: { JobId: 'j-1' } });
    const types = result.history.map((e) => e.type);
    expect(types).toContain('TaskSubmitted');
    expect(types).toContain('ActivityStarted');
    const jobDone = result.history.filter((e) => e.type === 'TaskSucceeded').at(-1)!;
    expect(jobDone.timestamp).toBe('2024-01-01T00:05:00.000Z');
  });

  it('a callback mock can fail the task (as SendTaskFailure)', async () => {
    const { code, result } = await runCase('Rejected');
    expect(code).toBe(1);
    expect(result).toMatchObject({ status: 'FAILED', error: 'Rejected' });
  });

  it('a .sync mock can fail after its run time, or never answer so the task times out', async () => {
    const failed = await runCase('JobFails');
    expect(failed.result).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
    expect(failed.result.history.find((e) => e.type === 'TaskFailed')!.timestamp).toBe('2024-01-01T00:00:30.000Z');

    const hung = await runCase('JobHangs');
    expect(hung.code).toBe(0);
    expect(hung.result.output).toMatchObject({ timeout: { Error: 'States.Timeout' } });
    expect(hung.result.history.find((e) => e.type === 'TaskTimedOut')!.timestamp).toBe('2024-01-01T00:10:00.000Z');
  });
});
