import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  ListMapRunsCommand,
  ExecutionNotRedrivable,
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
import { historyOf, localServers, ROLE } from './local-server';

const { serve, stop } = localServers();
let others: Server[] = [];
afterEach(async () => {
  for (const other of others) await new Promise((r) => other.close(r));
  others = [];
});

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

  it('refuses an execution that ended at the history event limit', async () => {
    const { sfn } = await serve();
    const definition = JSON.stringify({
      StartAt: 'Each',
      States: { Each: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } },
    });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Huge', definition, roleArn: ROLE }));
    const input = JSON.stringify({ items: Array.from({ length: 10_000 }, (_, i) => i) });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input }));
    expect(await settled(sfn, executionArn!)).toMatchObject({ status: 'FAILED', redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution history event limit exceeded' });
    expect(await notRedrivable(sfn, executionArn!)).toBe('Execution history event limit exceeded');
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
    await stop(first);

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

/**
 * A local Lambda (the Invoke API, as `sam local start-lambda` serves it): counts calls per
 * `key` and answers `{ key }`, or fails with `Flaky` while `failing` holds the key. A failing
 * answer waits until the keys in `after` were answered, so what ran before the failure is fixed.
 */
async function countingLambda(after: string[] = []) {
  const calls = new Map<string, number>();
  const failing = new Set<string>();
  const answered = new Map<string, () => void>();
  const done = new Map(after.map((key) => [key, new Promise<void>((r) => answered.set(key, r))]));
  const lambda = createServer((request, response) => {
    let body = '';
    request.on('data', (c: Buffer) => (body += c.toString()));
    request.on('end', async () => {
      const { key } = JSON.parse(body) as { key: string };
      calls.set(key, (calls.get(key) ?? 0) + 1);
      if (failing.has(key)) {
        await Promise.all(done.values());
        failing.delete(key);
        response.writeHead(200, {
          'x-amz-function-error': 'Unhandled',
          'content-type': 'application/json',
        });
        response.end(JSON.stringify({ errorType: 'Flaky', errorMessage: `${key} failed` }));
        return;
      }
      response.writeHead(200, {
        'content-type': 'application/json',
        'x-amz-executed-version': '$LATEST',
      });
      response.end(JSON.stringify({ key }));
      answered.get(key)?.();
    });
  });
  others.push(lambda);
  await new Promise<void>((r) => lambda.listen(0, '127.0.0.1', r));
  return {
    calls,
    failing,
    url: `http://127.0.0.1:${(lambda.address() as AddressInfo).port}`,
  };
}

const invoke = (key: Record<string, string>) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: {
    FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:work',
    Payload: key,
  },
  OutputPath: '$.Payload.key',
});

const entered = (events: HistoryEvent[]) => events.filter((e) => e.type!.endsWith('StateEntered')).map((e) => e.stateEnteredEventDetails!.name);

describe('statecraft serve: RedriveExecution inside a Parallel or Map', () => {
  it('reruns only the failed iteration of a Map inside a Parallel branch; the other branch and iterations are not called again', async () => {
    const lambda = await countingLambda(['a', 'x']);
    const { sfn } = await serve({ endpoints: { lambda: lambda.url } });
    const definition = JSON.stringify({
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          End: true,
          Branches: [
            {
              StartAt: 'A',
              States: { A: { ...invoke({ key: 'a' }), End: true } },
            },
            {
              StartAt: 'Each',
              States: {
                Each: {
                  Type: 'Map',
                  ItemsPath: '$.items',
                  MaxConcurrency: 1,
                  ItemProcessor: {
                    StartAt: 'Work',
                    States: {
                      Work: { ...invoke({ 'key.$': '$' }), End: true },
                    },
                  },
                  End: true,
                },
              },
            },
          ],
        },
      },
    });
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({
        name: 'Nested',
        definition,
        roleArn: ROLE,
      }),
    );
    lambda.failing.add('y');
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn,
        name: 'nested-1',
        input: '{"items":["x","y","z"]}',
      }),
    );
    expect(await settled(sfn, executionArn!)).toMatchObject({
      status: 'FAILED',
      error: 'Flaky',
    });
    expect(Object.fromEntries(lambda.calls)).toEqual({ a: 1, x: 1, y: 1 });
    const before = await historyOf(sfn, executionArn!);

    await sfn.send(new RedriveExecutionCommand({ executionArn }));
    const done = await settled(sfn, executionArn!);
    expect(done).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1 });
    expect(JSON.parse(done.output!)).toEqual(['a', ['x', 'y', 'z']]);
    expect(Object.fromEntries(lambda.calls)).toEqual({
      a: 1,
      x: 1,
      y: 2,
      z: 1,
    });
    const after = (await historyOf(sfn, executionArn!)).slice(before.length);
    expect(after[0]).toMatchObject({
      type: 'ExecutionRedriven',
      executionRedrivenEventDetails: { redriveCount: 1 },
    });
    expect(entered(after)).toEqual(['Fan', 'Each', 'Work', 'Work']);
    expect(after.filter((e) => e.type === 'MapIterationStarted').map((e) => e.mapIterationStartedEventDetails!.index)).toEqual([1, 2]);
  });

  it('with --data, a Distributed Map redrives its Map Run after a restart: same ARN, MapRunRedriven, only the failed child runs again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-redrive-map-run-'));
    const lambda = await countingLambda();
    const first = await serve({ dataDir, endpoints: { lambda: lambda.url } });
    const definition = JSON.stringify({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 1,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Work',
            States: { Work: { ...invoke({ 'key.$': '$' }), End: true } },
          },
          End: true,
        },
      },
    });
    const { stateMachineArn } = await first.sfn.send(
      new CreateStateMachineCommand({
        name: 'Runs',
        definition,
        roleArn: ROLE,
      }),
    );
    lambda.failing.add('2');
    const { executionArn } = await first.sfn.send(
      new StartExecutionCommand({
        stateMachineArn,
        name: 'runs-1',
        input: '{"items":["1","2","3"]}',
      }),
    );
    expect(await settled(first.sfn, executionArn!)).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
    });
    const [{ mapRunArn }] = (await first.sfn.send(new ListMapRunsCommand({ executionArn }))).mapRuns!;
    const failedChildren = (await first.sfn.send(new ListExecutionsCommand({ mapRunArn }))).executions!;
    expect(Object.fromEntries(lambda.calls)).toEqual({ 1: 1, 2: 1 });
    const failedChild = failedChildren.find((c) => c.status === 'FAILED')!;
    // Its Map Run can redrive it (by a redrive of the parent).
    const describedFailed = await first.sfn.send(new DescribeExecutionCommand({ executionArn: failedChild.executionArn }));
    expect(describedFailed).toMatchObject({ redriveCount: 0, redriveStatus: 'REDRIVABLE' });
    await stop(first);

    // The failed attempt is read back from disk, then redriven.
    const second = await serve({ dataDir, endpoints: { lambda: lambda.url } });
    expect(second.server.problems).toEqual([]);
    await second.sfn.send(new RedriveExecutionCommand({ executionArn }));
    const done = await settled(second.sfn, executionArn!);
    expect(done).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1 });
    expect(JSON.parse(done.output!)).toEqual(['1', '2', '3']);
    expect(Object.fromEntries(lambda.calls)).toEqual({ 1: 1, 2: 2, 3: 1 });

    const describeRun = async (sfn: SFNClient) => {
      const { $metadata: _, ...described } = await sfn.send(new DescribeMapRunCommand({ mapRunArn }));
      return described;
    };
    const run = await describeRun(second.sfn);
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      redriveCount: 1,
      itemCounts: { total: 3, succeeded: 3, failed: 0, pending: 0 },
    });
    expect(run.redriveDate).toBeInstanceOf(Date);
    expect((await second.sfn.send(new ListMapRunsCommand({ executionArn }))).mapRuns!.map((r) => r.mapRunArn)).toEqual([mapRunArn]);
    const events = await historyOf(second.sfn, executionArn!);
    expect(events.filter((e) => e.type === 'MapRunStarted' || e.type === 'MapRunRedriven').map((e) => e.type)).toEqual([
      'MapRunStarted',
      'MapRunRedriven',
    ]);
    expect(events.find((e) => e.type === 'MapRunRedriven')!.mapRunRedrivenEventDetails).toEqual({ mapRunArn, redriveCount: 1 });

    // The failed Standard child was redriven under its own ARN: one execution, its attempts in one history.
    const children = (await second.sfn.send(new ListExecutionsCommand({ mapRunArn }))).executions!;
    // Three children: the two of the first attempt (one redriven under its ARN) and the item that had never started.
    expect(children).toHaveLength(3);
    for (const child of failedChildren) expect(children.map((c) => c.executionArn)).toContain(child.executionArn);
    const redrivenChild = failedChildren.find((c) => c.status === 'FAILED')!;
    const describedChild = await second.sfn.send(new DescribeExecutionCommand({ executionArn: redrivenChild.executionArn }));
    expect(describedChild).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1, redriveStatus: 'NOT_REDRIVABLE' });
    const childEvents = await historyOf(second.sfn, redrivenChild.executionArn!);
    expect(childEvents.map((e) => e.type)).toContain('ExecutionRedriven');
    expect(childEvents.map((e) => e.id)).toEqual(childEvents.map((_, i) => i + 1));
    await stop(second);

    // And all of it survives another restart.
    const third = await serve({ dataDir, endpoints: { lambda: lambda.url } });
    expect(third.server.problems).toEqual([]);
    expect(await historyOf(third.sfn, executionArn!)).toEqual(events);
    expect(await describeRun(third.sfn)).toEqual(run);
    expect(await historyOf(third.sfn, redrivenChild.executionArn!)).toEqual(childEvents);
  });

  it('with --data, a redriven Parallel survives a restart mid-run: the kept branch is not called again, the resumed one answers after the restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-redrive-parallel-'));
    const lambda = await countingLambda();
    const first = await serve({ dataDir, endpoints: { lambda: lambda.url } });
    const definition = JSON.stringify({
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          End: true,
          Branches: [
            {
              StartAt: 'A',
              States: { A: { ...invoke({ key: 'a' }), End: true } },
            },
            {
              StartAt: 'B',
              States: {
                B: {
                  Type: 'Task',
                  Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
                  Parameters: {
                    QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/b',
                    MessageBody: {
                      'token.$': '$$.Task.Token',
                      'redrives.$': '$$.Execution.RedriveCount',
                    },
                  },
                  End: true,
                },
              },
            },
          ],
        },
      },
    });
    const { stateMachineArn } = await first.sfn.send(
      new CreateStateMachineCommand({
        name: 'Fans',
        definition,
        roleArn: ROLE,
      }),
    );
    const { executionArn } = await first.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'fan-1' }));
    const { token } = await scheduled(first.sfn, executionArn!, 1);
    // B fails only once A has answered (A's TaskSucceeded is in the history).
    for (let i = 0; i < 200 && !(await historyOf(first.sfn, executionArn!)).some((e) => e.type === 'TaskSucceeded'); i++)
      await new Promise((r) => setTimeout(r, 10));
    await first.sfn.send(new SendTaskFailureCommand({ taskToken: token, error: 'Declined' }));
    expect((await settled(first.sfn, executionArn!)).status).toBe('FAILED');
    await first.sfn.send(new RedriveExecutionCommand({ executionArn }));
    const again = await scheduled(first.sfn, executionArn!, 2);
    expect(again.redrives).toBe(1);
    const before = await historyOf(first.sfn, executionArn!);
    await stop(first);

    const second = await serve({ dataDir, endpoints: { lambda: lambda.url } });
    expect(second.server.problems).toEqual([]);
    expect(await historyOf(second.sfn, executionArn!)).toEqual(before);
    await second.sfn.send(new SendTaskSuccessCommand({ taskToken: again.token, output: '"b"' }));
    const done = await settled(second.sfn, executionArn!);
    expect(done).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1 });
    expect(JSON.parse(done.output!)).toEqual(['a', 'b']);
    expect(Object.fromEntries(lambda.calls)).toEqual({ a: 1 });
  });
});
