import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startServeProcess, type ServeProcess } from './serve-process';

const run = promisify(execFile);

async function hasAwsCli(): Promise<boolean> {
  try {
    await run('aws', ['--version']);
    return true;
  } catch {
    return false;
  }
}

const available = await hasAwsCli();
if (!available) console.warn('test/serve/aws-cli.test.ts: skipped, the AWS CLI is not installed (apt-get install awscli; .ci/run installs it).');

// The two tests use their own servers: they run at the same time.
describe.skipIf(!available)('statecraft serve with the AWS CLI', { concurrent: true }, () => {
  const servers: ServeProcess[] = [];
  afterAll(async () => {
    for (const server of servers) await server.kill();
  });

  const env = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', AWS_MAX_ATTEMPTS: '1' };
  async function aws(url: string, ...args: string[]): Promise<Record<string, unknown>> {
    const { stdout } = await run('aws', ['stepfunctions', ...args, '--endpoint-url', url, '--output', 'json'], { env });
    return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>);
  }
  async function awsError(url: string, ...args: string[]): Promise<string> {
    try {
      await aws(url, ...args);
    } catch (error) {
      return (error as { stderr: string }).stderr;
    }
    throw new Error(`aws ${args.join(' ')} succeeded`);
  }

  it('creates, starts, survives SIGKILL, answers the callback, lists, and names errors as AWS does', async () => {
    const data = mkdtempSync(join(tmpdir(), 'statecraft-cli-'));
    const definition = JSON.stringify({
      StartAt: 'Ask',
      States: {
        Ask: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', MessageBody: { 'token.$': '$$.Task.Token' } },
          End: true,
        },
      },
    });
    const mockConfig = join(data, 'mocks.json');
    writeFileSync(mockConfig, JSON.stringify({ StateMachines: { Cli: { TestCases: { Answered: { Ask: 'Yes' } } } }, MockedResponses: { Yes: { '0': { Return: { ok: true } } } } }));
    let server = await startServeProcess(['--data', join(data, 'state'), '--mock-config', mockConfig]);
    servers.push(server);

    const { stateMachineArn } = (await aws(server.url, 'create-state-machine', '--name', 'Cli', '--definition', definition, '--role-arn', 'arn:aws:iam::123456789012:role/R')) as { stateMachineArn: string };
    const { executionArn } = (await aws(server.url, 'start-execution', '--state-machine-arn', stateMachineArn, '--input', '{"n":1}')) as { executionArn: string };
    let token: string | undefined;
    for (let i = 0; i < 50 && !token; i++) {
      const { events } = (await aws(server.url, 'get-execution-history', '--execution-arn', executionArn)) as { events: { type: string; taskScheduledEventDetails?: { parameters: string } }[] };
      const scheduled = events.find((e) => e.type === 'TaskScheduled');
      if (scheduled) token = JSON.parse(scheduled.taskScheduledEventDetails!.parameters).MessageBody.token;
    }
    expect(token).toBeTypeOf('string');

    await server.kill('SIGKILL');
    server = await startServeProcess(['--data', join(data, 'state'), '--mock-config', mockConfig]);
    servers.push(server);

    // Each AWS CLI call is a Python process of a second or more: calls that do not depend on each
    // other run at the same time (the mocked execution starts after the first one either way).
    const pollUntilSucceeded = async (arn: string) => {
      let described: { status?: string; output?: string } = {};
      for (let i = 0; i < 50 && described.status !== 'SUCCEEDED'; i++) described = (await aws(server.url, 'describe-execution', '--execution-arn', arn)) as typeof described;
      return described;
    };
    const [, mocked] = await Promise.all([
      aws(server.url, 'send-task-success', '--task-token', token!, '--task-output', '{"approved":true}'),
      aws(server.url, 'start-execution', '--state-machine-arn', `${stateMachineArn}#Answered`) as Promise<{ executionArn: string }>,
    ]);
    const [described, mockedDescribed] = await Promise.all([pollUntilSucceeded(executionArn), pollUntilSucceeded(mocked.executionArn)]);
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual({ approved: true });
    expect(mockedDescribed.status).toBe('SUCCEEDED');

    const [{ executions }, missing, timedOut, invalid] = await Promise.all([
      aws(server.url, 'list-executions', '--state-machine-arn', stateMachineArn) as Promise<{ executions: { executionArn: string }[] }>,
      awsError(server.url, 'describe-state-machine', '--state-machine-arn', `${stateMachineArn}-missing`),
      awsError(server.url, 'send-task-success', '--task-token', token!, '--task-output', '{}'),
      awsError(server.url, 'create-state-machine', '--name', 'Bad', '--definition', '{"StartAt":"X","States":{}}', '--role-arn', 'arn:aws:iam::123456789012:role/R'),
    ]);
    expect(executions.map((e) => e.executionArn)).toEqual([mocked.executionArn, executionArn]);
    expect(missing).toContain('StateMachineDoesNotExist');
    expect(timedOut).toContain('TaskTimedOut');
    expect(invalid).toContain('InvalidDefinition');
  }, 180_000); // each AWS CLI call starts a Python process

  // StartSyncExecution's model gives it the host prefix 'sync-', so the CLI calls
  // http://sync-127.0.0.1:PORT unless told not to. botocore reads AWS_DISABLE_HOST_PREFIX_INJECTION
  // (config file: disable_host_prefix_injection) in recent versions (AWS CLI v1 with botocore
  // 1.43, tested); Debian 12's awscli 2.9.19 bundles a botocore without that setting, and glibc
  // does not resolve sync-localhost, so there the CLI cannot call StartSyncExecution at all.
  it('StartSyncExecution, where the CLI can turn off host prefix injection', async (context) => {
    const server = await startServeProcess([]);
    servers.push(server);
    const definition = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' }, End: true } } });
    const { stateMachineArn } = (await aws(server.url, 'create-state-machine', '--name', 'Quick', '--type', 'EXPRESS', '--definition', definition, '--role-arn', 'arn:aws:iam::123456789012:role/R')) as { stateMachineArn: string };
    const args = ['stepfunctions', 'start-sync-execution', '--state-machine-arn', stateMachineArn, '--input', '{"n":21}', '--endpoint-url', server.url, '--output', 'json'];
    let stdout: string;
    try {
      ({ stdout } = await run('aws', args, { env: { ...env, AWS_DISABLE_HOST_PREFIX_INJECTION: 'true' } }));
    } catch (error) {
      const stderr = (error as { stderr: string }).stderr;
      if (!stderr.includes('sync-')) throw error;
      console.warn(`test/serve/aws-cli.test.ts: StartSyncExecution skipped: this AWS CLI ignores AWS_DISABLE_HOST_PREFIX_INJECTION (${stderr.trim()}).`);
      return context.skip();
    }
    const result = JSON.parse(stdout) as { status: string; output: string };
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output)).toEqual({ doubled: 42 });
  }, 60_000);
});
