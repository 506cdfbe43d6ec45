import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  GetExecutionHistoryCommand,
  InvalidDefinition,
  ListExecutionsCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  TestStateCommand,
  StateMachineDoesNotExist,
  TaskTimedOut,
  InvalidToken,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, it } from 'vitest';
import { startServeProcess, type ServeProcess } from './serve-process';

const ROLE = 'arn:aws:iam::123456789012:role/StepFunctionsRole';
const client = (url: string) =>
  new SFNClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, disableHostPrefix: true, maxAttempts: 1 });

const callbackMachine = {
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/approvals', MessageBody: { 'token.$': '$$.Task.Token', 'order.$': '$.order' } },
      ResultPath: '$.approval',
      Next: 'Done',
    },
    Done: { Type: 'Pass', End: true },
  },
};

async function history(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 2, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

async function waitForStatus(sfn: SFNClient, executionArn: string, status: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status === status) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`execution ${executionArn} never reached ${status}`);
}

describe('statecraft serve with the real AWS SDK', () => {
  const running: ServeProcess[] = [];
  afterAll(async () => {
    for (const server of running) await server.kill();
  });

  it('survives SIGKILL between StartExecution and SendTaskSuccess, and speaks AWS errors, mock test cases, StartSync', async () => {
    const data = mkdtempSync(join(tmpdir(), 'statecraft-serve-'));
    const mockConfig = join(data, 'MockConfigFile.json');
    writeFileSync(
      mockConfig,
      JSON.stringify({
        StateMachines: { Approvals: { TestCases: { Approved: { Ask: 'ApprovedResponse' } } } },
        MockedResponses: { ApprovedResponse: { '0': { Return: { approved: 'by mock' } } } },
      }),
    );
    let server = await startServeProcess(['--data', join(data, 'state'), '--mock-config', mockConfig]);
    running.push(server);
    let sfn = client(server.url);

    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Approvals', definition: JSON.stringify(callbackMachine), roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'order-1', input: JSON.stringify({ order: { id: 1 } }) }));
    // Same name, same input, still running: AWS answers with the same execution.
    const again = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'order-1', input: JSON.stringify({ order: { id: 1 } }) }));
    expect(again.executionArn).toBe(executionArn);
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'order-1', input: '{}' }))).rejects.toBeInstanceOf(ExecutionAlreadyExists);

    // The token, as an application reads it: from the TaskScheduled event's parameters.
    let token: string | undefined;
    for (let i = 0; i < 100 && !token; i++) {
      const scheduled = (await history(sfn, executionArn!)).find((e) => e.type === 'TaskScheduled');
      if (scheduled) token = JSON.parse(scheduled.taskScheduledEventDetails!.parameters!).MessageBody.token;
      else await new Promise((r) => setTimeout(r, 20));
    }
    expect(token).toBeTypeOf('string');

    // The process dies; a new one on the same data directory picks the execution up.
    await server.kill('SIGKILL');
    server = await startServeProcess(['--data', join(data, 'state'), '--mock-config', mockConfig]);
    running.push(server);
    sfn = client(server.url);
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');

    await sfn.send(new SendTaskSuccessCommand({ taskToken: token!, output: JSON.stringify({ approved: true }) }));
    await waitForStatus(sfn, executionArn!, 'SUCCEEDED');
    const done = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(JSON.parse(done.output!)).toEqual({ order: { id: 1 }, approval: { approved: true } });
    // AWS: "the task associated with the token has already been closed" is TaskTimedOut.
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: token!, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' }))).rejects.toBeInstanceOf(InvalidToken);

    const events = await history(sfn, executionArn!);
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // A MockConfigFile test case, chosen as Step Functions Local does: '<arn>#<TestCase>'.
    const mocked = await sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}#Approved`, input: JSON.stringify({ order: { id: 2 } }) }));
    await waitForStatus(sfn, mocked.executionArn!, 'SUCCEEDED');
    expect(JSON.parse((await sfn.send(new DescribeExecutionCommand({ executionArn: mocked.executionArn }))).output!).approval).toEqual({ approved: 'by mock' });

    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'SUCCEEDED', maxResults: 1 }));
    expect(listed.executions).toHaveLength(1);
    expect(listed.executions![0].executionArn).toBe(mocked.executionArn); // newest first
    const rest = await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'SUCCEEDED', maxResults: 1, nextToken: listed.nextToken }));
    expect(rest.executions![0].executionArn).toBe(executionArn);

    // AWS's error names.
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}Nope` }))).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    const invalid = sfn.send(new CreateStateMachineCommand({ name: 'Broken', definition: JSON.stringify({ StartAt: 'Missing', States: { A: { Type: 'Pass', End: true } } }), roleArn: ROLE }));
    await expect(invalid).rejects.toBeInstanceOf(InvalidDefinition);
    await expect(invalid).rejects.toThrow(/Invalid State Machine Definition: '.*MISSING_TRANSITION_TARGET|Invalid State Machine Definition/);

    // Express: StartSyncExecution answers with the result.
    const express = await sfn.send(
      new CreateStateMachineCommand({ name: 'Quick', type: 'EXPRESS', roleArn: ROLE, definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' }, End: true } } }) }),
    );
    const sync = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn: express.stateMachineArn, input: JSON.stringify({ n: 21 }) }));
    expect(sync.status).toBe('SUCCEEDED');
    expect(JSON.parse(sync.output!)).toEqual({ doubled: 42 });

    // TestState over the wire: one state, a mocked result, inspection data.
    const tested = await sfn.send(
      new TestStateCommand({
        definition: JSON.stringify({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f', 'Payload.$': '$' }, ResultSelector: { 'v.$': '$.Payload.v' }, End: true }),
        input: JSON.stringify({ x: 1 }),
        mock: { result: JSON.stringify({ StatusCode: 200, Payload: { v: 7 } }) },
        inspectionLevel: 'DEBUG',
      }),
    );
    expect(tested.status).toBe('SUCCEEDED');
    expect(JSON.parse(tested.output!)).toEqual({ v: 7 });
    expect(JSON.parse(tested.inspectionData!.afterResultSelector!)).toEqual({ v: 7 });
  });
});
