import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  ExecutionNotRedrivable,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  RedriveExecutionCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type ServeOptions, type StepFunctionsServer } from 'statecraft/serve';

const ROLE = 'arn:aws:iam::123456789012:role/StepFunctionsRole';

let servers: StepFunctionsServer[] = [];
afterEach(async () => {
  for (const server of servers) await server.close();
  servers = [];
});

async function serve(options: ServeOptions = {}): Promise<{ server: StepFunctionsServer; sfn: SFNClient }> {
  const server = await startServer({ port: 0, ...options });
  servers.push(server);
  const sfn = new SFNClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 't', secretAccessKey: 't' }, disableHostPrefix: true, maxAttempts: 1 });
  return { server, sfn };
}

async function historyOf(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  return (await sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? [];
}

/** The parameters of the `nth` TaskScheduled event, once it is there. */
async function scheduled(sfn: SFNClient, executionArn: string, nth: number): Promise<{ token: string; count: number; redrives: number }> {
  for (let i = 0; i < 200; i++) {
    const events = (await historyOf(sfn, executionArn)).filter((e) => e.type === 'TaskScheduled');
    if (events[nth]) return JSON.parse(events[nth].taskScheduledEventDetails!.parameters!).MessageBody;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no TaskScheduled event #${nth + 1}`);
}

async function settled(sfn: SFNClient, executionArn: string) {
  for (let i = 0; i < 200; i++) {
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return d;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('still running');
}

async function notRedrivable(sfn: SFNClient, executionArn: string): Promise<string> {
  const error = await sfn.send(new RedriveExecutionCommand({ executionArn })).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExecutionNotRedrivable);
  return (error as Error).message;
}

// Prepare assigns a variable and runs once; Charge waits for a client and fails the first time.
const definition = JSON.stringify({
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Assign: { count: 41 }, Result: { order: 7 }, Next: 'Charge' },
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: {
        QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/charges',
        MessageBody: { 'token.$': '$$.Task.Token', 'count.$': '$count', 'redrives.$': '$$.Execution.RedriveCount' },
      },
      Retry: [{ ErrorEquals: ['Declined'], MaxAttempts: 1, IntervalSeconds: 1 }],
      End: true,
    },
  },
});

describe('statecraft serve: RedriveExecution', () => {
  it('goes on from the failed state with its input and variables, keeps the history, and counts redrives', async () => {
    const { sfn } = await serve();
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Charges', definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'order-7', input: '{"first":true}' }));
    const first = await scheduled(sfn, executionArn!, 0);
    expect(await notRedrivable(sfn, executionArn!)).toBe('Execution is RUNNING and cannot be redriven');
    await sfn.send(new SendTaskFailureCommand({ taskToken: first.token, error: 'Declined', cause: 'card expired' }));
    const retried = await scheduled(sfn, executionArn!, 1);
    await sfn.send(new SendTaskFailureCommand({ taskToken: retried.token, error: 'Declined', cause: 'card expired' }));
    const failed = await settled(sfn, executionArn!);
    expect(failed).toMatchObject({ status: 'FAILED', error: 'Declined', redriveCount: 0, redriveStatus: 'REDRIVABLE' });
    const before = await historyOf(sfn, executionArn!);

    const { redriveDate } = await sfn.send(new RedriveExecutionCommand({ executionArn }));
    expect(redriveDate).toBeInstanceOf(Date);
    const again = await scheduled(sfn, executionArn!, 2);
    expect(again).toMatchObject({ count: 41, redrives: 1 });
    const running = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(running).toMatchObject({ status: 'RUNNING', redriveCount: 1, input: '{"first":true}', startDate: failed.startDate });
    expect(running.redriveDate!.getTime()).toBe(redriveDate!.getTime());

    // Retries start afresh: one more failure is retried before the execution fails again.
    await sfn.send(new SendTaskFailureCommand({ taskToken: again.token, error: 'Declined' }));
    const last = await scheduled(sfn, executionArn!, 3);
    await sfn.send(new SendTaskSuccessCommand({ taskToken: last.token, output: '{"charged":true}' }));
    const done = await settled(sfn, executionArn!);
    expect(done).toMatchObject({ status: 'SUCCEEDED', output: '{"charged":true}', redriveCount: 1, redriveStatus: 'NOT_REDRIVABLE' });
    expect(done.redriveStatusReason).toBe('Execution is SUCCEEDED and cannot be redriven');
    expect(await notRedrivable(sfn, executionArn!)).toBe('Execution is SUCCEEDED and cannot be redriven');

    const events = await historyOf(sfn, executionArn!);
    expect(events.slice(0, before.length)).toEqual(before);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
    const redriven = events[before.length];
    expect(redriven).toMatchObject({ type: 'ExecutionRedriven', previousEventId: before.length, executionRedrivenEventDetails: { redriveCount: 1 } });
    const after = events.slice(before.length + 1);
    expect(after[0]).toMatchObject({ type: 'TaskStateEntered', previousEventId: redriven.id, stateEnteredEventDetails: { name: 'Charge', input: '{"order":7}' } });
    expect(after.some((e) => e.stateEnteredEventDetails?.name === 'Prepare')).toBe(false);
    expect(after.at(-1)!.type).toBe('ExecutionSucceeded');

    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn }));
    expect(listed.executions).toHaveLength(1);
    expect(listed.executions![0]).toMatchObject({ executionArn, status: 'SUCCEEDED', redriveCount: 1 });
  });

  it('refuses Express executions', async () => {
    const { sfn } = await serve();
    const failing = JSON.stringify({ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Nope' } } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Quick', definition: failing, roleArn: ROLE, type: 'EXPRESS' }));
    const { executionArn, status } = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn }));
    expect(status).toBe('FAILED');
    expect(await notRedrivable(sfn, executionArn!)).toBe('Execution is of type EXPRESS and cannot be redriven');
  });

  it('with --data, a redriven execution survives a restart: both attempts in its history, its new task token still open', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-redrive-'));
    const first = await serve({ dataDir });
    const { stateMachineArn } = await first.sfn.send(new CreateStateMachineCommand({ name: 'Durable', definition, roleArn: ROLE }));
    const { executionArn } = await first.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'order-8' }));
    for (const nth of [0, 1]) {
      const { token } = await scheduled(first.sfn, executionArn!, nth);
      await first.sfn.send(new SendTaskFailureCommand({ taskToken: token, error: 'Declined' }));
    }
    expect((await settled(first.sfn, executionArn!)).status).toBe('FAILED');
    await first.sfn.send(new RedriveExecutionCommand({ executionArn }));
    const { token } = await scheduled(first.sfn, executionArn!, 2);
    const before = await historyOf(first.sfn, executionArn!);
    await first.server.close();
    servers = servers.filter((s) => s !== first.server);

    const second = await serve({ dataDir });
    expect(second.server.problems).toEqual([]);
    expect(await historyOf(second.sfn, executionArn!)).toEqual(before);
    await second.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"charged":true}' }));
    expect(await settled(second.sfn, executionArn!)).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1 });
    const third = await serve({ dataDir });
    expect(await third.sfn.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1 });
    expect((await historyOf(third.sfn, executionArn!)).filter((e) => e.type === 'ExecutionRedriven')).toHaveLength(1);
  });
});
