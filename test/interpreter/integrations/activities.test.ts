import { describe, expect, it } from 'vitest';
import { startActivityWorker, taskFailure } from '../../../src/interpreter';
import { apiErrorOf, eventTypes, newInterpreter, secondsAt, START } from './support';

function activityMachine(activityArn: string, extra: Record<string, unknown> = {}) {
  return { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: activityArn, ...extra, End: true } } };
}

describe('activities', () => {
  it('create, describe, list and delete activities, with AWS’s error names', () => {
    const sfn = newInterpreter();
    const { activityArn, creationDate } = sfn.createActivity('ageCheck');
    expect(activityArn).toBe('arn:aws:states:us-east-1:123456789012:activity:ageCheck');
    expect(creationDate.getTime()).toBe(START);
    expect(sfn.createActivity('ageCheck').activityArn).toBe(activityArn); // idempotent
    expect(sfn.describeActivity(activityArn)).toEqual({ activityArn, name: 'ageCheck', creationDate });
    sfn.createActivity('other');
    expect(sfn.listActivities().activities.map((a) => a.name)).toEqual(['ageCheck', 'other']);
    sfn.deleteActivity(activityArn);
    expect(apiErrorOf(() => sfn.describeActivity(activityArn))).toBe('ActivityDoesNotExist');
    expect(apiErrorOf(() => sfn.createActivity('bad name'))).toBe('InvalidName');
    expect(apiErrorOf(() => sfn.createActivity(''))).toBe('InvalidName');
    expect(apiErrorOf(() => sfn.describeActivity('arn:aws:lambda:us-east-1:1:function:f'))).toBe('InvalidArn');
  });

  it('getActivityTask waits 60 virtual seconds for work, then answers {}; an unknown activity is ActivityDoesNotExist', async () => {
    const sfn = newInterpreter();
    const { activityArn } = sfn.createActivity('idle');
    expect(await sfn.getActivityTask(activityArn, 'w')).toEqual({});
    expect(sfn.clock.now() - START).toBe(60_000);
    await expect(sfn.getActivityTask('arn:aws:states:us-east-1:123456789012:activity:nope')).rejects.toMatchObject({ name: 'ActivityDoesNotExist' });
  });

  it('schedules work on the queue; a worker takes it (ActivityStarted with its name) and answers by token', async () => {
    const sfn = newInterpreter();
    const { activityArn } = sfn.createActivity('work');
    const execution = sfn.createStateMachine(activityMachine(activityArn, { Parameters: { 'n.$': '$.n' } })).startExecution({ n: 2 });
    sfn.clock.setTimer(30_000, async () => {
      const task = await sfn.getActivityTask(activityArn, 'worker-1');
      expect(JSON.parse(task.input!)).toEqual({ n: 2 });
      sfn.sendTaskSuccess(task.taskToken!, JSON.stringify({ doubled: 4 }));
    });
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: { doubled: 4 } });
    expect(eventTypes(execution)).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled', 'ActivityStarted', 'ActivitySucceeded', 'TaskStateExited', 'ExecutionSucceeded',
    ]);
    const started = execution.history().find((e) => e.type === 'ActivityStarted')!;
    expect(started.activityStartedEventDetails).toEqual({ workerName: 'worker-1' });
    expect(secondsAt(execution, 'ActivityStarted')).toBe(30);
  });

  it('a waiting worker gets work the moment it is scheduled', async () => {
    const sfn = newInterpreter();
    const { activityArn } = sfn.createActivity('work');
    const poll = sfn.getActivityTask(activityArn, 'early');
    const execution = sfn.createStateMachine(activityMachine(activityArn)).startExecution({ x: 1 });
    const task = await poll;
    expect(task.input).toBe('{"x":1}');
    sfn.sendTaskFailure(task.taskToken!, 'Bad.Input', 'x must be 2');
    expect(await execution.result).toEqual({ status: 'FAILED', error: 'Bad.Input', cause: 'x must be 2' });
    expect(eventTypes(execution).slice(-2)).toEqual(['ActivityFailed', 'ExecutionFailed']);
  });

  it('TimeoutSeconds and HeartbeatSeconds start when a worker receives the task (ActivityTimedOut)', async () => {
    const sfn = newInterpreter();
    const { activityArn } = sfn.createActivity('slow');
    const timeout = sfn.createStateMachine(activityMachine(activityArn, { TimeoutSeconds: 10 })).startExecution({});
    sfn.clock.setTimer(100_000, () => void sfn.getActivityTask(activityArn, 'late'));
    expect(await timeout.result).toEqual({ status: 'FAILED', error: 'States.Timeout', cause: '' });
    expect(secondsAt(timeout, 'ActivityStarted')).toBe(100);
    expect(secondsAt(timeout, 'ActivityTimedOut')).toBe(110);
    expect(eventTypes(timeout).slice(-2)).toEqual(['ActivityTimedOut', 'ExecutionFailed']);

    const begin = sfn.clock.now();
    const heartbeat = sfn.createStateMachine(activityMachine(activityArn, { TimeoutSeconds: 100, HeartbeatSeconds: 10 })).startExecution({});
    const task = await sfn.getActivityTask(activityArn, 'beater');
    sfn.clock.setTimer(8_000, () => sfn.sendTaskHeartbeat(task.taskToken!));
    expect(await heartbeat.result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    const timedOut = heartbeat.history().find((e) => e.type === 'ActivityTimedOut')!;
    expect((timedOut.timestamp!.getTime() - begin) / 1000).toBe(18);
  });

  it('a missing activity fails the task with ActivityScheduleFailed', async () => {
    const sfn = newInterpreter();
    const execution = sfn.createStateMachine(activityMachine('arn:aws:states:us-east-1:123456789012:activity:missing')).startExecution({});
    const result = await execution.result;
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toMatch(/activity:missing.*does not exist/);
    expect(eventTypes(execution)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled', 'ActivityScheduleFailed', 'ExecutionFailed']);
  });

  it('a mock answers an activity task as a worker would', async () => {
    const sfn = newInterpreter();
    const execution = sfn.createStateMachine(activityMachine('arn:aws:states:us-east-1:123456789012:activity:anything')).startExecution({}, {
      mocks: { Work: () => ({ ok: true }) },
    });
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: { ok: true } });
    expect(eventTypes(execution)).toContain('ActivityStarted');
  });

  it('several executions of several machines share one activity and any number of workers', async () => {
    const sfn = newInterpreter();
    const { activityArn } = sfn.createActivity('shared');
    const square = sfn.createStateMachine(activityMachine(activityArn), { name: 'Square' });
    const wrapped = sfn.createStateMachine(
      { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: activityArn, ResultPath: '$.result', End: true } } },
      { name: 'Wrapped' },
    );
    const seen = new Map<string, number>();
    const workers = ['w1', 'w2', 'w3'].map((workerName) =>
      startActivityWorker(sfn, activityArn, async (input) => {
        seen.set(workerName, (seen.get(workerName) ?? 0) + 1);
        const n = (input as { n: number }).n;
        if (n < 0) throw taskFailure('Negative', `${n} < 0`);
        return n * n;
      }, { workerName }),
    );
    const executions = [...[1, 2, 3, -4, 5].map((n) => square.startExecution({ n })), ...[6, 7, 8].map((n) => wrapped.startExecution({ n }))];
    const results = await Promise.all(executions.map((e) => e.result));
    await Promise.all(workers.map((w) => w.stop()));
    expect(results.slice(0, 5)).toEqual([
      { status: 'SUCCEEDED', output: 1 },
      { status: 'SUCCEEDED', output: 4 },
      { status: 'SUCCEEDED', output: 9 },
      { status: 'FAILED', error: 'Negative', cause: '-4 < 0' },
      { status: 'SUCCEEDED', output: 25 },
    ]);
    expect(results.slice(5).map((r) => r.output)).toEqual([{ n: 6, result: 36 }, { n: 7, result: 49 }, { n: 8, result: 64 }]);
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(8);
    expect(seen.size).toBe(3);
    expect(workers.reduce((a, w) => a + w.answered, 0)).toBe(8);
  });

  it('work no worker took leaves the queue when its execution stops', async () => {
    const sfn = newInterpreter();
    const { activityArn } = sfn.createActivity('abandoned');
    const execution = sfn.createStateMachine(activityMachine(activityArn)).startExecution({});
    await sfn.callbacks.nextPending({ kind: 'activity' });
    expect(sfn.callbacks.pending()[0]).toMatchObject({ status: 'SCHEDULED', kind: 'activity' });
    execution.stop();
    expect((await execution.result).status).toBe('ABORTED');
    expect(await sfn.getActivityTask(activityArn, 'late')).toEqual({});
    expect(sfn.callbacks.pending()).toEqual([]);
  });
});
