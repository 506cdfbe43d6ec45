import { describe, expect, it } from 'vitest';
import { syncJob } from '../../../src/interpreter';
import { eventTypes, newInterpreter } from './support';

const callback = {
  StartAt: 'Wait',
  States: { Wait: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { 'id.$': '$.id' }, End: true } },
};

describe('executions as handles, many at once', () => {
  it('runs many executions concurrently; callbacks answered in any order reach the right execution', async () => {
    const sfn = newInterpreter();
    const machine = sfn.createStateMachine(callback, { name: 'Many' });
    const executions = Array.from({ length: 25 }, (_, id) => machine.startExecution({ id }));
    const pending = await Promise.all(executions.map((e) => sfn.callbacks.nextPending({ executionArn: e.executionArn })));
    expect(sfn.callbacks.pending()).toHaveLength(25);
    expect(new Set(pending.map((p) => p.taskToken)).size).toBe(25);
    for (const task of [...pending].reverse()) sfn.sendTaskSuccess(task.taskToken, JSON.stringify({ echoed: (task.input as { id: number }).id }));
    const results = await Promise.all(executions.map((e) => e.result));
    results.forEach((r, id) => expect(r).toEqual({ status: 'SUCCEEDED', output: { echoed: id } }));
    expect(executions.map((e) => e.status)).toEqual(Array(25).fill('SUCCEEDED'));
  });

  it('describe() follows the execution; stop() aborts every running state and cancels every abandoned job', async () => {
    const sfn = newInterpreter();
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'JobA', States: { JobA: { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun.sync', End: true } } },
            { StartAt: 'JobB', States: { JobB: { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', End: true } } },
            { StartAt: 'Approve', States: { Approve: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish.waitForTaskToken', End: true } } },
          ],
        },
      },
    };
    const cancelled: string[] = [];
    const onCancel = (job: { stateName: string }) => cancelled.push(job.stateName);
    const execution = sfn.createStateMachine(definition, { name: 'Fan' }).startExecution({ x: 1 }, {
      name: 'run-1',
      mocks: { JobA: () => syncJob({ seconds: 500, onCancel }), JobB: () => syncJob({ seconds: 900, onCancel }) },
    });
    await sfn.callbacks.nextPending({ stateName: 'Approve' });
    expect(execution.describe()).toMatchObject({ status: 'RUNNING', name: 'run-1', input: { x: 1 }, startDate: '2024-01-01T00:00:00.000Z' });
    sfn.clock.setTimer(100_000, () => execution.stop('Stopped.ByTest', 'enough'));
    expect(await execution.result).toEqual({ status: 'ABORTED', error: 'Stopped.ByTest', cause: 'enough' });
    expect(cancelled.sort()).toEqual(['JobA', 'JobB']);
    expect(sfn.callbacks.pending()).toEqual([]);
    const types = eventTypes(execution);
    expect(types.filter((t) => t === 'TaskStateAborted')).toHaveLength(3);
    expect(types.slice(-2)).toEqual(['ParallelStateAborted', 'ExecutionAborted']);
    expect(execution.describe()).toMatchObject({ status: 'ABORTED', error: 'Stopped.ByTest', cause: 'enough', stopDate: '2024-01-01T00:01:40.000Z' });
  });

  it('task tokens are deterministic for a seed and unique across executions', async () => {
    const tokens = async () => {
      const sfn = newInterpreter();
      const machine = sfn.createStateMachine(callback);
      const executions = [machine.startExecution({ id: 1 }), machine.startExecution({ id: 2 })];
      const found = (await Promise.all(executions.map((e) => sfn.callbacks.nextPending({ executionArn: e.executionArn })))).map((p) => p.taskToken);
      for (const e of executions) e.stop();
      return found;
    };
    const first = await tokens();
    expect(first).toHaveLength(2);
    expect(first[0]).not.toBe(first[1]);
    expect(await tokens()).toEqual(first);
  });
});
