import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateActivityCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  GetActivityTaskCommand,
  ListMapRunsCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  UpdateMapRunCommand,
  ValidationException,
  type DescribeMapRunCommandOutput,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { distributedMapOver, localServers, ROLE, until } from './local-server';

const { serve, stop } = localServers();

/** A Distributed Map whose children each wait for an activity worker. */
const mapOverActivity = (activityArn: string, extra: object = {}) => JSON.stringify(distributedMapOver(activityArn, extra));

describe('statecraft serve: UpdateMapRun', () => {
  it('changes the running Map Run: more children run at once, a failure is tolerated', async () => {
    const { sfn } = await serve();
    const { activityArn } = await sfn.send(new CreateActivityCommand({ name: 'work' }));
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Fan', definition: mapOverActivity(activityArn!), roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '[1,2,3,4,5]' }));
    let mapRunArn = '';
    await until('a Map Run', async () => {
      mapRunArn = (await sfn.send(new ListMapRunsCommand({ executionArn }))).mapRuns?.[0]?.mapRunArn ?? '';
      return mapRunArn !== '';
    });
    const describe = () => sfn.send(new DescribeMapRunCommand({ mapRunArn }));
    let described: DescribeMapRunCommandOutput = await describe();
    await until('one child running', async () => (described = await describe()).itemCounts!.running === 1);
    expect(described).toMatchObject({ maxConcurrency: 1, toleratedFailureCount: 0 });

    await expect(sfn.send(new UpdateMapRunCommand({ mapRunArn, toleratedFailurePercentage: 101 }))).rejects.toBeInstanceOf(ValidationException);
    await sfn.send(new UpdateMapRunCommand({ mapRunArn, maxConcurrency: 3, toleratedFailureCount: 1 }));
    await until('three children running', async () => (described = await describe()).itemCounts!.running === 3);
    expect(described).toMatchObject({ maxConcurrency: 3, toleratedFailureCount: 1 });

    const first = await sfn.send(new GetActivityTaskCommand({ activityArn }));
    await sfn.send(new SendTaskFailureCommand({ taskToken: first.taskToken!, error: 'Declined' }));
    for (let i = 0; i < 4; i++) {
      const task = await sfn.send(new GetActivityTaskCommand({ activityArn }));
      await sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken!, output: '"done"' }));
    }
    await until('the execution ended', async () => (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status !== 'RUNNING');
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('SUCCEEDED');
    expect((await describe()).itemCounts).toMatchObject({ failed: 1, succeeded: 4, total: 5 });
  });
});

describe('statecraft serve --data: Map Runs after a restart', () => {
  it('a finished and a running Distributed Map keep their Map Runs and child executions', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-maprun-'));
    const first = await serve({ dataDir });
    const { activityArn } = await first.sfn.send(new CreateActivityCommand({ name: 'slow' }));
    const passing = JSON.stringify({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Double', States: { Double: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    });
    const done = await first.sfn.send(new CreateStateMachineCommand({ name: 'Done', definition: passing, roleArn: ROLE }));
    const finished = await first.sfn.send(new StartExecutionCommand({ stateMachineArn: done.stateMachineArn, input: '[1,2,3]' }));
    await until('the map finished', async () => (await first.sfn.send(new DescribeExecutionCommand({ executionArn: finished.executionArn }))).status === 'SUCCEEDED');
    const waiting = await first.sfn.send(new CreateStateMachineCommand({ name: 'Waiting', definition: mapOverActivity(activityArn!), roleArn: ROLE }));
    const running = await first.sfn.send(new StartExecutionCommand({ stateMachineArn: waiting.stateMachineArn, input: '["a","b"]' }));
    await until('a child waits', async () => ((await first.sfn.send(new ListMapRunsCommand({ executionArn: running.executionArn }))).mapRuns?.length ?? 0) === 1);
    const runsBefore = {
      finished: (await first.sfn.send(new ListMapRunsCommand({ executionArn: finished.executionArn }))).mapRuns!,
      running: (await first.sfn.send(new ListMapRunsCommand({ executionArn: running.executionArn }))).mapRuns!,
    };
    const childrenBefore = (await first.sfn.send(new ListExecutionsCommand({ mapRunArn: runsBefore.finished[0].mapRunArn }))).executions!;
    expect(childrenBefore).toHaveLength(3);
    const childHistory = (await first.sfn.send(new GetExecutionHistoryCommand({ executionArn: childrenBefore[0].executionArn }))).events;
    await stop(first);

    const { server, sfn } = await serve({ dataDir });
    expect(server.problems).toEqual([]);
    expect((await sfn.send(new ListMapRunsCommand({ executionArn: finished.executionArn }))).mapRuns).toEqual(runsBefore.finished);
    // The running one is rebuilt by replay (its start time may be the restart's: the replay goes live before the Map Run starts).
    const runningAfter = (await sfn.send(new ListMapRunsCommand({ executionArn: running.executionArn }))).mapRuns!;
    expect(runningAfter.map((r) => r.mapRunArn)).toEqual(runsBefore.running.map((r) => r.mapRunArn));
    const mapRunArn = runsBefore.finished[0].mapRunArn!;
    expect(await sfn.send(new DescribeMapRunCommand({ mapRunArn }))).toMatchObject({ status: 'SUCCEEDED', itemCounts: { total: 3, succeeded: 3 } });
    expect((await sfn.send(new ListExecutionsCommand({ mapRunArn }))).executions).toEqual(childrenBefore);
    expect((await sfn.send(new GetExecutionHistoryCommand({ executionArn: childrenBefore[0].executionArn }))).events).toEqual(childHistory);
    expect(await sfn.send(new DescribeExecutionCommand({ executionArn: childrenBefore[0].executionArn }))).toMatchObject({ status: 'SUCCEEDED', mapRunArn });

    // The running map goes on where it was.
    for (let i = 0; i < 2; i++) {
      const task = await sfn.send(new GetActivityTaskCommand({ activityArn }));
      await sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken!, output: JSON.stringify(`${task.input} done`) }));
    }
    await until('the running map finished', async () => (await sfn.send(new DescribeExecutionCommand({ executionArn: running.executionArn }))).status === 'SUCCEEDED');
    expect(JSON.parse((await sfn.send(new DescribeExecutionCommand({ executionArn: running.executionArn }))).output!)).toEqual(['"a" done', '"b" done']);
  });

  it('an UpdateMapRun of a running Map Run survives a restart: its settings, the children it started, the tolerance it set', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-maprun-update-'));
    const first = await serve({ dataDir });
    const { activityArn } = await first.sfn.send(new CreateActivityCommand({ name: 'work' }));
    const { stateMachineArn } = await first.sfn.send(new CreateStateMachineCommand({ name: 'Fan', definition: mapOverActivity(activityArn!), roleArn: ROLE }));
    const { executionArn } = await first.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '[1,2,3,4,5]' }));
    let mapRunArn = '';
    await until('one child running', async () => {
      mapRunArn = (await first.sfn.send(new ListMapRunsCommand({ executionArn }))).mapRuns?.[0]?.mapRunArn ?? '';
      return mapRunArn !== '' && (await first.sfn.send(new DescribeMapRunCommand({ mapRunArn }))).itemCounts!.running === 1;
    });
    await first.sfn.send(new UpdateMapRunCommand({ mapRunArn, maxConcurrency: 3, toleratedFailureCount: 1 }));
    await until('three children running', async () => (await first.sfn.send(new DescribeMapRunCommand({ mapRunArn }))).itemCounts!.running === 3);
    await stop(first);

    const { server, sfn } = await serve({ dataDir });
    expect(server.problems).toEqual([]);
    const described = await sfn.send(new DescribeMapRunCommand({ mapRunArn }));
    expect(described).toMatchObject({ status: 'RUNNING', maxConcurrency: 3, toleratedFailureCount: 1, itemCounts: { running: 3, pending: 2 } });
    // The tolerated failure still counts as tolerated: one fails, four succeed, the execution succeeds.
    const failing = await sfn.send(new GetActivityTaskCommand({ activityArn }));
    await sfn.send(new SendTaskFailureCommand({ taskToken: failing.taskToken!, error: 'Declined' }));
    for (let i = 0; i < 4; i++) {
      const task = await sfn.send(new GetActivityTaskCommand({ activityArn }));
      await sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken!, output: '"done"' }));
    }
    await until('the execution ended', async () => (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status !== 'RUNNING');
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('SUCCEEDED');
    expect((await sfn.send(new DescribeMapRunCommand({ mapRunArn }))).itemCounts).toMatchObject({ failed: 1, succeeded: 4, total: 5 });
    // An ended Map Run is not changed (AWS updates only an in-progress Map Run).
    await expect(sfn.send(new UpdateMapRunCommand({ mapRunArn, maxConcurrency: 10 }))).rejects.toBeInstanceOf(ValidationException);
    expect(await sfn.send(new DescribeMapRunCommand({ mapRunArn }))).toMatchObject({ maxConcurrency: 3 });
  });
});
