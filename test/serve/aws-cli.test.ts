/**
 * The AWS CLI (botocore: its own serialization, its own error parsing) against `statecraft serve`.
 * Each call is a Python process (about 0.7 s of CPU before it sends anything), so this file makes
 * only the calls that prove something the real-SDK tests (sdk-flow.test.ts, api.test.ts) do not:
 * create, start, history, send-task-success across a SIGKILL, describe, one AWS error as the CLI
 * reports it, and StartSyncExecution's host prefix. Mock test cases, list-executions and the other
 * error names are proven over the wire by sdk-flow.test.ts.
 */
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type StepFunctionsServer } from 'statecraft/serve';
import { startServeProcess, type ServeProcess } from './serve-process';

const run = promisify(execFile);
const ROLE = 'arn:aws:iam::123456789012:role/R';

/**
 * The `aws` executable, found on PATH without starting it. pyenv's shim (a bash script running
 * `pyenv exec aws`) added a third of a second of CPU to every call: the CLI it runs is called directly.
 */
function findAwsCli(): string | undefined {
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'aws'))
    .find((file) => {
      try {
        accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  if (!onPath) return undefined;
  const pyenv = /exec "([^"]*pyenv)" exec/.exec(readFileSync(onPath, 'latin1').slice(0, 2000))?.[1];
  if (!pyenv) return onPath;
  try {
    return execFileSync(pyenv, ['which', 'aws'], { encoding: 'utf8' }).trim() || onPath;
  } catch {
    return onPath;
  }
}

const awsCli = findAwsCli();
if (!awsCli) console.warn('test/serve/aws-cli.test.ts: skipped, the AWS CLI is not installed (apt-get install awscli; .ci/run installs it).');

// The two tests use their own servers: they run at the same time.
describe.skipIf(!awsCli)('statecraft serve with the AWS CLI', { concurrent: true }, () => {
  const processes: ServeProcess[] = [];
  const servers: StepFunctionsServer[] = [];
  afterAll(async () => {
    for (const server of processes) await server.kill();
    for (const server of servers) await server.close();
  });

  const env = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', AWS_MAX_ATTEMPTS: '1' };
  async function aws(url: string, ...args: string[]): Promise<Record<string, unknown>> {
    const { stdout } = await run(awsCli!, ['stepfunctions', ...args, '--endpoint-url', url, '--output', 'json'], { env });
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

  it('creates, starts, survives SIGKILL, answers the callback, and names an error as AWS does', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'statecraft-cli-')), 'state');
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
    let server = await startServeProcess(['--data', data]);
    processes.push(server);

    const { stateMachineArn } = (await aws(server.url, 'create-state-machine', '--name', 'Cli', '--definition', definition, '--role-arn', ROLE)) as { stateMachineArn: string };
    const { executionArn } = (await aws(server.url, 'start-execution', '--state-machine-arn', stateMachineArn, '--input', '{"n":1}')) as { executionArn: string };
    let token: string | undefined;
    for (let i = 0; i < 50 && !token; i++) {
      const { events } = (await aws(server.url, 'get-execution-history', '--execution-arn', executionArn)) as { events: { type: string; taskScheduledEventDetails?: { parameters: string } }[] };
      const scheduled = events.find((e) => e.type === 'TaskScheduled');
      if (scheduled) token = JSON.parse(scheduled.taskScheduledEventDetails!.parameters).MessageBody.token;
    }
    expect(token).toBeTypeOf('string');

    await server.kill('SIGKILL');
    server = await startServeProcess(['--data', data]);
    processes.push(server);

    expect(await aws(server.url, 'send-task-success', '--task-token', token!, '--task-output', '{"approved":true}')).toEqual({});
    // The token is closed once SendTaskSuccess has answered: the second answer and the polling run at the same time.
    const pollUntilSucceeded = async () => {
      let described: { status?: string; output?: string } = {};
      for (let i = 0; i < 50 && described.status !== 'SUCCEEDED'; i++) described = (await aws(server.url, 'describe-execution', '--execution-arn', executionArn)) as typeof described;
      return described;
    };
    const [described, timedOut] = await Promise.all([pollUntilSucceeded(), awsError(server.url, 'send-task-success', '--task-token', token!, '--task-output', '{}')]);
    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output!)).toEqual({ approved: true });
    // botocore reads the error's name from the response's __type, as from AWS.
    expect(timedOut).toContain('An error occurred (TaskTimedOut) when calling the SendTaskSuccess operation');
  }, 180_000); // each AWS CLI call starts a Python process

  // StartSyncExecution's model gives it the host prefix 'sync-', so the CLI calls
  // http://sync-127.0.0.1:PORT unless told not to. botocore reads AWS_DISABLE_HOST_PREFIX_INJECTION
  // (config file: disable_host_prefix_injection) in recent versions (AWS CLI v1 with botocore
  // 1.43, tested); Debian 12's awscli 2.9.19 bundles a botocore without that setting, and glibc
  // does not resolve sync-localhost, so there the CLI cannot call StartSyncExecution at all.
  it('StartSyncExecution, where the CLI can turn off host prefix injection', async (context) => {
    // The server is not what is tested here (create-state-machine through the CLI is, above): in-process, and the SDK creates the machine.
    const server = await startServer({ port: 0 });
    servers.push(server);
    const sfn = new SFNClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 't', secretAccessKey: 't' }, maxAttempts: 1 });
    const definition = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' }, End: true } } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Quick', type: 'EXPRESS', definition, roleArn: ROLE }));
    const args = ['stepfunctions', 'start-sync-execution', '--state-machine-arn', stateMachineArn!, '--input', '{"n":21}', '--endpoint-url', server.url, '--output', 'json'];
    let stdout: string;
    try {
      ({ stdout } = await run(awsCli!, args, { env: { ...env, AWS_DISABLE_HOST_PREFIX_INJECTION: 'true' } }));
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
