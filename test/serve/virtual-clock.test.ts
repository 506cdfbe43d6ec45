import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetActivityTaskCommand,
  GetExecutionHistoryCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  type DescribeExecutionCommandOutput,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type ServeOptions, type StepFunctionsServer } from 'statecraft/serve';
import { run as serveCommand } from '../../src/cli/commands/serve';

const ROLE = 'arn:aws:iam::123456789012:role/StepFunctionsRole';
const HOUR = 3600_000;

let servers: StepFunctionsServer[] = [];
afterEach(async () => {
  for (const server of servers) await server.close();
  servers = [];
});

async function serve(options: ServeOptions = {}): Promise<SFNClient> {
  const server = await startServer({ port: 0, clock: 'virtual', ...options });
  servers.push(server);
  return new SFNClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 't', secretAccessKey: 't' }, disableHostPrefix: true, maxAttempts: 1 });
}

/** Polls DescribeExecution until the execution leaves RUNNING, for at most `wallMs` of real time. */
async function finished(sfn: SFNClient, executionArn: string, wallMs = 1000): Promise<DescribeExecutionCommandOutput> {
  const deadline = Date.now() + wallMs;
  for (;;) {
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return d;
    if (Date.now() > deadline) throw new Error(`${executionArn} still RUNNING after ${wallMs} ms of wall time`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function historyOf(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  return (await sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? [];
}

async function tokenOf(sfn: SFNClient, executionArn: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const scheduled = (await historyOf(sfn, executionArn)).find((e) => e.type === 'TaskScheduled');
    if (scheduled) return JSON.parse(scheduled.taskScheduledEventDetails!.parameters!).MessageBody.token as string;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no TaskScheduled event');
}

const callbackThenWait = (heartbeatSeconds: number) =>
  JSON.stringify({
    StartAt: 'Ask',
    States: {
      Ask: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        HeartbeatSeconds: heartbeatSeconds,
        Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', MessageBody: { 'token.$': '$$.Task.Token' } },
        Next: 'Sleep',
      },
      Sleep: { Type: 'Wait', Seconds: 3600, End: true },
    },
  });

describe('statecraft serve --clock virtual', () => {
  it('a one-hour Wait and a ten-minute retry backoff complete at once; history and dates show the virtual hour', async () => {
    const mockConfig = {
      StateMachines: { Slow: { TestCases: { FailOnce: { Charge: 'FailThenSucceed' } } } },
      MockedResponses: { FailThenSucceed: { '0': { Throw: { Error: 'Busy', Cause: 'try later' } }, '1': { Return: { charged: true } } } },
    };
    const sfn = await serve({ mockConfig });
    const definition = JSON.stringify({
      StartAt: 'Sleep',
      States: {
        Sleep: { Type: 'Wait', Seconds: 3600, Next: 'Charge' },
        Charge: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'charge' },
          Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 600, BackoffRate: 1, MaxAttempts: 2 }],
          End: true,
        },
      },
    });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Slow', definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}#FailOnce` }));
    const d = await finished(sfn, executionArn!);
    expect(d.status).toBe('SUCCEEDED');
    expect(JSON.parse(d.output!).Payload).toEqual({ charged: true });
    expect(d.stopDate!.getTime() - d.startDate!.getTime()).toBeGreaterThanOrEqual(HOUR + 600_000);
    const events = await historyOf(sfn, executionArn!);
    const at = (type: string, nth = 0) => events.filter((e) => e.type === type)[nth].timestamp!.getTime();
    expect(at('WaitStateExited') - at('WaitStateEntered')).toBe(HOUR);
    expect(at('TaskScheduled', 1) - at('TaskFailed')).toBe(600_000);
  });

  it('a callback task with HeartbeatSeconds waits for the client at real pace, then the Wait after it skips', async () => {
    const sfn = await serve();
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Callback', definition: callbackThenWait(60), roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const token = await tokenOf(sfn, executionArn!);
    // Skipping now would jump past the 60 s heartbeat deadline (and the execution's one-year limit)
    // at once: a tenth of a second of real time shows it did not.
    await new Promise((r) => setTimeout(r, 150));
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    await sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    await new Promise((r) => setTimeout(r, 100));
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"approved":true}' }));
    const d = await finished(sfn, executionArn!);
    expect(d.status).toBe('SUCCEEDED');
    expect(JSON.parse(d.output!)).toEqual({ approved: true });
    const events = await historyOf(sfn, executionArn!);
    const scheduled = events.find((e) => e.type === 'TaskScheduled')!.timestamp!.getTime();
    const succeeded = events.find((e) => e.type === 'TaskSucceeded')!.timestamp!.getTime();
    // The wait for the client took real time (at least the 250 ms slept), not a skip.
    expect(succeeded - scheduled).toBeGreaterThanOrEqual(250);
    expect(succeeded - scheduled).toBeLessThan(60_000);
  });

  it('a client that stops heartbeating times out after HeartbeatSeconds of real time', async () => {
    const sfn = await serve();
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Forgotten', definition: callbackThenWait(1), roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    await tokenOf(sfn, executionArn!);
    const d = await finished(sfn, executionArn!, 5000);
    expect(d).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    const timedOut = (await historyOf(sfn, executionArn!)).find((e) => e.type === 'TaskTimedOut')!;
    expect(timedOut.timestamp!.getTime() - (await historyOf(sfn, executionArn!)).find((e) => e.type === 'TaskScheduled')!.timestamp!.getTime()).toBe(1000);
  });

  it('with --data, a restart resumes at the virtual time the journal reached (ahead of the wall clock)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-virtual-'));
    const sfn = await serve({ dataDir });
    const definition = JSON.stringify({
      StartAt: 'Sleep',
      States: {
        Sleep: { Type: 'Wait', Seconds: 3600, Next: 'Ask' },
        Ask: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          HeartbeatSeconds: 600,
          Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', MessageBody: { 'token.$': '$$.Task.Token' } },
          End: true,
        },
      },
    });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Later', definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const token = await tokenOf(sfn, executionArn!);
    // Journaled an hour ahead of the wall clock.
    await sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    await servers.pop()!.close();

    const again = await serve({ dataDir });
    expect(servers.at(-1)!.problems).toEqual([]);
    await again.send(new SendTaskSuccessCommand({ taskToken: token, output: '"ok"' }));
    const d = await finished(again, executionArn!);
    expect(d.status).toBe('SUCCEEDED');
    expect(d.stopDate!.getTime() - d.startDate!.getTime()).toBeGreaterThanOrEqual(HOUR);
  });

  // The command in this process (its own process start is proven by the SIGKILL tests: sdk-flow, aws-cli, endpoint-intent).
  it('statecraft serve --clock virtual (the CLI) runs a one-day Wait at once, and stops on SIGTERM', async () => {
    const signalled = new Set([...process.listeners('SIGINT'), ...process.listeners('SIGTERM')]);
    let stdout = '';
    const exitCode = serveCommand(['--clock', 'virtual', '--port', '0'], { stdout: (text) => (stdout += text), stderr: (text) => (stdout += text) });
    for (let i = 0; i < 500 && !/listening on (http:\/\/\S+)/.test(stdout); i++) await new Promise((r) => setTimeout(r, 2));
    const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
    try {
      // Inside the try: a server that failed to listen still has its signal listeners removed below.
      expect(url, stdout).toBeDefined();
      const sfn = new SFNClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 't', secretAccessKey: 't' }, disableHostPrefix: true, maxAttempts: 1 });
      const definition = JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 86_400, End: true } } });
      const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Day', definition, roleArn: ROLE }));
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
      const d = await finished(sfn, executionArn!, 2000);
      expect(d.status).toBe('SUCCEEDED');
      expect(d.stopDate!.getTime() - d.startDate!.getTime()).toBe(24 * HOUR);
    } finally {
      // SIGTERM as the command sees it: its own listeners only (the worker's others, e.g. puppeteer's, stay untouched).
      for (const event of ['SIGINT', 'SIGTERM'] as const) {
        for (const listener of process.listeners(event)) {
          if (signalled.has(listener)) continue;
          process.removeListener(event, listener);
          if (event === 'SIGTERM') (listener as (signal: string) => void)('SIGTERM');
        }
      }
    }
    expect(await exitCode).toBe(0);
  });

  it('activity work waits for a worker (TimeoutSeconds at real pace), then the Wait after it skips', async () => {
    const sfn = await serve();
    const { activityArn } = await sfn.send(new CreateActivityCommand({ name: 'approve' }));
    const definition = JSON.stringify({
      StartAt: 'Approve',
      States: { Approve: { Type: 'Task', Resource: activityArn, TimeoutSeconds: 120, Next: 'Sleep' }, Sleep: { Type: 'Wait', Seconds: 3600, End: true } },
    });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Approval', definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"id":1}' }));
    await new Promise((r) => setTimeout(r, 150));
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    const task = await sfn.send(new GetActivityTaskCommand({ activityArn, workerName: 'w' }));
    await new Promise((r) => setTimeout(r, 100));
    await sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken!, output: '{"approved":true}' }));
    const d = await finished(sfn, executionArn!);
    expect(d.status).toBe('SUCCEEDED');
    expect(d.stopDate!.getTime() - d.startDate!.getTime()).toBeGreaterThanOrEqual(HOUR + 250);
  });

  it("GetActivityTask's 60 s long poll is wall time: it does not return at once while time skips", async () => {
    const sfn = await serve();
    const { activityArn } = await sfn.send(new CreateActivityCommand({ name: 'idle' }));
    const poll = new AbortController();
    let answered = false;
    const pending = sfn.send(new GetActivityTaskCommand({ activityArn }), { abortSignal: poll.signal }).then(
      () => (answered = true),
      () => undefined,
    );
    // Another execution makes time skip meanwhile.
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({ name: 'Sleeper', definition: JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 7200, End: true } } }), roleArn: ROLE }),
    );
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    expect((await finished(sfn, executionArn!)).status).toBe('SUCCEEDED');
    await new Promise((r) => setTimeout(r, 100));
    expect(answered).toBe(false);
    poll.abort();
    await pending;
  });
});
