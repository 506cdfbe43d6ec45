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

describe.skipIf(!available)('statecraft serve with the AWS CLI', () => {
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

    await aws(server.url, 'send-task-success', '--task-token', token!, '--task-output', '{"approved":true}');
    let described: { status?: string; output?: string } = {};
    for (let i = 0; i < 50 && described.status !== 'SUCCEEDED'; i++) described = (await aws(server.url, 'describe-execution', '--execution-arn', executionArn)) as typeof described;
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual({ approved: true });

    const mocked = (await aws(server.url, 'start-execution', '--state-machine-arn', `${stateMachineArn}#Answered`)) as { executionArn: string };
    let mockedStatus = '';
    for (let i = 0; i < 50 && mockedStatus !== 'SUCCEEDED'; i++) mockedStatus = ((await aws(server.url, 'describe-execution', '--execution-arn', mocked.executionArn)) as { status: string }).status;
    expect(mockedStatus).toBe('SUCCEEDED');

    const { executions } = (await aws(server.url, 'list-executions', '--state-machine-arn', stateMachineArn)) as { executions: { executionArn: string }[] };
    expect(executions.map((e) => e.executionArn)).toEqual([mocked.executionArn, executionArn]);

    expect(await awsError(server.url, 'describe-state-machine', '--state-machine-arn', `${stateMachineArn}-missing`)).toContain('StateMachineDoesNotExist');
    expect(await awsError(server.url, 'send-task-success', '--task-token', token!, '--task-output', '{}')).toContain('TaskTimedOut');
    expect(await awsError(server.url, 'create-state-machine', '--name', 'Bad', '--definition', '{"StartAt":"X","States":{}}', '--role-arn', 'arn:aws:iam::123456789012:role/R')).toContain('InvalidDefinition');
  }, 180_000); // each AWS CLI call starts a Python process
});
