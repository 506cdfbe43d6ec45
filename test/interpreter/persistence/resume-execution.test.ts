import { describe, expect, it } from 'vitest';
import { Interpreter, neverAnswers, seededRandom, startActivityWorker, syncJob, taskFailure } from '../../../src/interpreter';
import { randomPosition } from '../../../src/interpreter/random/seeded-random';
import type { Json } from '../../../src/asl/types';
import { at, callbackTask, DAY, plain, saved, START, START_MS } from './support';

const approval = {
  StartAt: 'Prepare',
  States: {
    Prepare: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { 'orderId.$': '$.orderId' },
      ResultSelector: { 'prepared.$': '$.Payload' },
      Next: 'Approve',
    },
    Approve: { ...callbackTask({ ResultPath: '$.approval' }), Next: 'Done' },
    Done: { Type: 'Pass', End: true },
  },
};
const prepare = { Prepare: (input: Json) => ({ ready: input }) };

describe('resumeExecution: a callback task waiting for its token', () => {
  it('reopens the same token in a new interpreter; SendTaskSuccess there completes the run exactly as the uninterrupted one', async () => {
    const sfn = new Interpreter({ startTime: START, seed: 11 });
    const original = sfn.createStateMachine(approval, { name: 'Orders' }).startExecution({ orderId: 7 }, { mocks: prepare });
    const { taskToken } = await sfn.callbacks.nextPending({ stateName: 'Approve' });
    const snapshot = saved(original);
    const prefix = plain(original.history());
    sfn.sendTaskSuccess(taskToken, JSON.stringify({ approved: true }));
    const expected = await original.result;

    expect(snapshot).toMatchObject({ version: 1, status: 'RUNNING', clockNow: START, execution: { arn: original.executionArn } });
    const sfn2 = new Interpreter({ startTime: snapshot.clockNow });
    const resumed = await sfn2.resumeExecution(snapshot);
    expect(resumed.executionArn).toBe(original.executionArn);
    expect(resumed.status).toBe('RUNNING');
    expect(plain(resumed.history())).toEqual(prefix);
    expect(sfn2.callbacks.pending({ executionArn: resumed.executionArn }).map((t) => t.taskToken)).toEqual([taskToken]);

    sfn2.sendTaskSuccess(taskToken, JSON.stringify({ approved: true }));
    expect(await resumed.result).toEqual(expected);
    expect(expected.output).toEqual({ prepared: { ready: { orderId: 7 } }, approval: { approved: true } });
    expect(plain(resumed.history())).toEqual(plain(original.history()));
    expect(resumed.describe()).toEqual(original.describe());
  });

  it('several executions (Standard and Express) saved from one interpreter resume side by side in another', async () => {
    const sfn = new Interpreter({ startTime: START, seed: 21 });
    const standard = sfn.createStateMachine(approval, { name: 'Orders' });
    const quick = { StartAt: 'Prepare', States: { Prepare: { ...approval.States.Prepare, Next: 'Pause' }, Pause: { Type: 'Wait', Seconds: 60, End: true } } };
    const express = sfn.createStateMachine(quick, { name: 'Quick', type: 'EXPRESS' });
    const originals = [standard.startExecution({ orderId: 1 }, { mocks: prepare }), express.startExecution({ orderId: 2 }, { mocks: prepare }), standard.startExecution({ orderId: 3 }, { mocks: prepare })];
    await at(sfn.clock, 1000);
    const snapshots = originals.map(saved);
    const tokens = sfn.callbacks.pending().map((t) => t.taskToken);
    expect(tokens).toHaveLength(2);
    tokens.forEach((token, i) => sfn.sendTaskSuccess(token, JSON.stringify({ approver: i })));
    await Promise.all(originals.map((e) => e.result));

    const sfn2 = new Interpreter({ startTime: snapshots[0].clockNow });
    const resumed = await Promise.all(snapshots.map((s) => sfn2.resumeExecution(s)));
    expect(resumed.map((e) => e.executionArn)).toEqual(originals.map((e) => e.executionArn));
    expect(resumed[1].executionArn).toMatch(/:express:Quick:/);
    tokens.forEach((token, i) => sfn2.sendTaskSuccess(token, JSON.stringify({ approver: i })));
    for (let i = 0; i < originals.length; i++) {
      expect(await resumed[i].result).toEqual(await originals[i].result);
      expect(plain(resumed[i].history())).toEqual(plain(originals[i].history()));
    }
  });

  it('answers a still-waiting callback with the mocks given at resume', async () => {
    const sfn = new Interpreter({ startTime: START });
    const original = sfn.createStateMachine(approval).startExecution({ orderId: 1 }, { mocks: prepare });
    await sfn.callbacks.nextPending();
    const snapshot = saved(original);
    const resumed = await new Interpreter({ startTime: snapshot.clockNow }).resumeExecution(snapshot, { mocks: { Approve: () => ({ approved: 'by mock' }) } });
    expect(await resumed.result).toMatchObject({ status: 'SUCCEEDED', output: { approval: { approved: 'by mock' } } });
  });

  it('a resumed execution can be saved and resumed again (its snapshot holds every answer so far)', async () => {
    const sfn = new Interpreter({ startTime: START, seed: 5 });
    const definition = { StartAt: 'First', States: { First: { ...callbackTask(), Next: 'Second' }, Second: { ...callbackTask(), End: true } } };
    const original = sfn.createStateMachine(definition).startExecution({});
    const first = await sfn.callbacks.nextPending();
    const snapshot1 = saved(original);
    sfn.sendTaskSuccess(first.taskToken, '{"n":1}');
    const second = await sfn.callbacks.nextPending();
    sfn.sendTaskSuccess(second.taskToken, '{"n":2}');
    await original.result;

    const sfn2 = new Interpreter({ startTime: snapshot1.clockNow });
    const resumed = await sfn2.resumeExecution(snapshot1);
    sfn2.sendTaskSuccess(first.taskToken, '{"n":1}');
    expect((await sfn2.callbacks.nextPending()).taskToken).toBe(second.taskToken);
    const snapshot2 = saved(resumed);
    expect(snapshot2.answers.map((a) => a.kind)).toEqual(['taskSuccess']);

    const sfn3 = new Interpreter({ startTime: snapshot2.clockNow });
    const again = await sfn3.resumeExecution(snapshot2);
    sfn3.sendTaskSuccess(second.taskToken, '{"n":2}');
    expect(await again.result).toEqual(await original.result);
    expect(plain(again.history())).toEqual(plain(original.history()));
  });
});

describe('the start time and the start event', () => {
  // A free-running clock (`clock: 'real'`) can move between two readings; this one always does.
  // The start time and the ExecutionStarted event come from one reading, as a replay records them
  // (two readings put the event a millisecond late, and resuming its snapshot failed at event 1).
  it('are one reading of the clock', async () => {
    let ms = START_MS;
    const ticking = { now: () => ms++, setTimer: () => ({ cancel() {} }) };
    const sfn = new Interpreter({ clock: ticking });
    const execution = sfn.createStateMachine({ StartAt: 'Approve', States: { Approve: { ...callbackTask(), End: true } } }).startExecution({ orderId: 1 });
    await sfn.callbacks.nextPending();
    const snapshot = saved(execution);
    expect(snapshot.execution.startTime).toBe((snapshot.history[0] as { timestamp: string }).timestamp);
    expect(execution.describe().startDate).toBe(snapshot.execution.startTime);
    execution.stop();
  });
});

describe('resumeExecution: an activity task waiting for a worker', () => {
  it('puts the work back on the activity queue of the new interpreter, where a worker serves it', async () => {
    const sfn = new Interpreter({ startTime: START, seed: 2 });
    const { activityArn } = sfn.createActivity('review');
    const definition = { StartAt: 'Review', States: { Review: { Type: 'Task', Resource: activityArn, TimeoutSeconds: 3600, End: true } } };
    const original = sfn.createStateMachine(definition).startExecution({ doc: 'a.pdf' });
    const pending = await sfn.callbacks.nextPending({ kind: 'activity' });
    expect(pending.status).toBe('SCHEDULED');
    const snapshot = saved(original);
    const handler = (input: Json) => ({ reviewed: input });
    const worker = startActivityWorker(sfn, activityArn, handler, { workerName: 'reviewer' });
    const expected = await original.result;
    await worker.stop();

    const sfn2 = new Interpreter({ startTime: snapshot.clockNow });
    sfn2.createActivity('review'); // the restarted service declares its activities again
    const resumed = await sfn2.resumeExecution(snapshot);
    expect(sfn2.callbacks.pending({ kind: 'activity' })).toMatchObject([{ taskToken: pending.taskToken, status: 'SCHEDULED' }]);
    const worker2 = startActivityWorker(sfn2, activityArn, handler, { workerName: 'reviewer' });
    expect(await resumed.result).toEqual(expected);
    await worker2.stop();
    expect(expected).toMatchObject({ status: 'SUCCEEDED', output: { reviewed: { doc: 'a.pdf' } } });
    expect(plain(resumed.history())).toEqual(plain(original.history()));
  });

  it('work nobody took leaves the new interpreter’s queue when the execution times out there', async () => {
    const sfn = new Interpreter({ startTime: START });
    const { activityArn } = sfn.createActivity('nobody');
    const definition = { TimeoutSeconds: 600, StartAt: 'Work', States: { Work: { Type: 'Task', Resource: activityArn, End: true } } };
    const original = sfn.createStateMachine(definition).startExecution({});
    await at(sfn.clock, 100_000);
    const snapshot = saved(original);
    const expected = await original.result;

    const sfn2 = new Interpreter({ startTime: snapshot.clockNow });
    const resumed = await sfn2.resumeExecution(snapshot); // creates the activity it scheduled work on
    expect(sfn2.activities.queue(activityArn)?.backlog).toBe(1);
    expect(await resumed.result).toEqual(expected);
    expect(expected).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(sfn2.clock.now()).toBe(START_MS + 600_000);
    expect(sfn2.activities.queue(activityArn)?.backlog).toBe(0);
    expect(await sfn2.getActivityTask(activityArn, 'late')).toEqual({});
    expect(plain(resumed.history())).toEqual(plain(original.history()));
  });

  it('replays a worker that had taken the task (and its heartbeats): the same worker answers by token after the restart', async () => {
    const sfn = new Interpreter({ startTime: START });
    const { activityArn } = sfn.createActivity('slow');
    const definition = { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: activityArn, HeartbeatSeconds: 600, End: true } } };
    const original = sfn.createStateMachine(definition).startExecution({});
    const task = await sfn.getActivityTask(activityArn, 'w-1');
    await at(sfn.clock, 300_000);
    sfn.sendTaskHeartbeat(task.taskToken!);
    await at(sfn.clock, 500_000);
    const snapshot = saved(original);
    expect(snapshot.answers.map((a) => a.kind)).toEqual(['activityStarted', 'taskHeartbeat']);
    sfn.sendTaskSuccess(task.taskToken!, '"done"');
    await original.result;

    const sfn2 = new Interpreter({ startTime: snapshot.clockNow });
    const resumed = await sfn2.resumeExecution(snapshot);
    // The heartbeat was replayed: the deadline is 300s + 600s, not 600s.
    expect(sfn2.callbacks.pending()).toMatchObject([{ taskToken: task.taskToken, status: 'STARTED', workerName: 'w-1', heartbeatAt: START_MS + 900_000 }]);
    sfn2.sendTaskSuccess(task.taskToken!, '"done"');
    await resumed.result;
    expect(plain(resumed.history())).toEqual(plain(original.history()));
  });
});

describe('resumeExecution: timers', () => {
  it('a one-year Wait saved half-way finishes at its original deadline', async () => {
    const sfn = new Interpreter({ startTime: START });
    const definition = { StartAt: 'Sleep', States: { Sleep: { Type: 'Wait', Seconds: 365 * 24 * 3600, Next: 'Wake' }, Wake: { Type: 'Pass', End: true } } };
    const original = sfn.createStateMachine(definition).startExecution({ n: 1 });
    let snapshot: ReturnType<typeof saved> | undefined;
    sfn.clock.setTimer(180 * DAY, () => (snapshot = saved(original)));
    await original.result;
    expect(snapshot!.clockNow).toBe(new Date(START_MS + 180 * DAY).toISOString());

    const sfn2 = new Interpreter({ startTime: snapshot!.clockNow });
    const resumed = await sfn2.resumeExecution(snapshot!);
    expect(await resumed.result).toEqual({ status: 'SUCCEEDED', output: { n: 1 } });
    expect(sfn2.clock.now()).toBe(START_MS + 365 * DAY);
    expect(plain(resumed.history())).toEqual(plain(original.history()));
  });

  it('a .sync job saved mid-run ends when it was due', async () => {
    const sfn = new Interpreter({ startTime: START });
    const definition = { StartAt: 'Batch', States: { Batch: { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob.sync', Parameters: { JobName: 'nightly' }, End: true } } };
    const mocks = { Batch: () => syncJob({ seconds: 3600, output: { JobId: 'j-1', Status: 'SUCCEEDED' } }) };
    const original = sfn.createStateMachine(definition).startExecution({}, { mocks });
    await at(sfn.clock, 1800_000);
    const snapshot = saved(original);
    await original.result;

    const sfn2 = new Interpreter({ startTime: snapshot.clockNow });
    const resumed = await sfn2.resumeExecution(snapshot); // no mocks: the job was already submitted
    expect(await resumed.result).toEqual({ status: 'SUCCEEDED', output: { JobId: 'j-1', Status: 'SUCCEEDED' } });
    expect(sfn2.clock.now()).toBe(START_MS + 3600_000);
    expect(plain(resumed.history())).toEqual(plain(original.history()));
  });

  it('a retry in progress (jittered backoff) continues with the same delays and the same next task tokens', async () => {
    const sfn = new Interpreter({ startTime: START, seed: 99 });
    const definition = {
      StartAt: 'Ask',
      States: {
        Ask: {
          ...callbackTask(),
          Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 60, BackoffRate: 2, MaxAttempts: 3, JitterStrategy: 'FULL' }],
          End: true,
        },
      },
    };
    const original = sfn.createStateMachine(definition).startExecution({ q: 1 });
    const t1 = await sfn.callbacks.nextPending();
    sfn.sendTaskFailure(t1.taskToken, 'Busy', 'try later');
    const snapshot = saved(original); // taken in the same instant: the retry is still to be scheduled
    const t2 = await sfn.callbacks.nextPending();
    sfn.sendTaskFailure(t2.taskToken, 'Busy');
    const t3 = await sfn.callbacks.nextPending();
    sfn.sendTaskSuccess(t3.taskToken, '{"answer":42}');
    await original.result;

    const sfn2 = new Interpreter({ startTime: snapshot.clockNow });
    const resumed = await sfn2.resumeExecution(snapshot);
    const r2 = await sfn2.callbacks.nextPending();
    expect([r2.taskToken, r2.retryCount, r2.startedAt]).toEqual([t2.taskToken, 1, t2.startedAt]);
    sfn2.sendTaskFailure(r2.taskToken, 'Busy');
    const r3 = await sfn2.callbacks.nextPending();
    expect(r3.taskToken).toBe(t3.taskToken);
    sfn2.sendTaskSuccess(r3.taskToken, '{"answer":42}');
    expect(await resumed.result).toEqual(await original.result);
    expect(plain(resumed.history())).toEqual(plain(original.history()));
  });

  it('mocked failures and retries before the snapshot replay from the recorded answers; later attempts use the resume mocks', async () => {
    const sfn = new Interpreter({ startTime: START, seed: 4 });
    const definition = {
      StartAt: 'Charge',
      States: { Charge: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:charge', Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 30, MaxAttempts: 5 }], End: true } },
    };
    let calls = 0;
    const flaky = () => {
      calls++;
      if (calls < 3) throw taskFailure('Gateway.Timeout', `attempt ${calls}`);
      return { charged: true };
    };
    const original = sfn.createStateMachine(definition).startExecution({}, { mocks: { Charge: flaky } });
    await at(sfn.clock, 45_000); // after the 2nd failure, waiting to retry
    const snapshot = saved(original);
    await original.result;
    expect(calls).toBe(3);

    const sfn2 = new Interpreter({ startTime: snapshot.clockNow });
    const resumed = await sfn2.resumeExecution(snapshot, { mocks: { Charge: () => ({ charged: true }) } });
    expect(await resumed.result).toEqual({ status: 'SUCCEEDED', output: { charged: true } });
    expect(plain(resumed.history())).toEqual(plain(original.history()));
  });
});

describe('resumeExecution: concurrent branches', () => {
  it('a Parallel branch paused at a callback, beside branches answered by sync and async mocks', async () => {
    const sfn = new Interpreter({ startTime: START, seed: 8 });
    const lambda = (name: string, next?: string) => ({ Type: 'Task', Resource: `arn:aws:lambda:us-east-1:123456789012:function:${name}`, ...(next ? { Next: next } : { End: true }) });
    const definition = {
      StartAt: 'Fork',
      States: {
        Fork: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'A1', States: { A1: lambda('a1', 'A2'), A2: lambda('a2') } },
            { StartAt: 'B1', States: { B1: lambda('b1', 'B2'), B2: { Type: 'Wait', Seconds: 5, Next: 'B3' }, B3: lambda('b3') } },
            { StartAt: 'C', States: { C: { ...callbackTask(), End: true } } },
          ],
          End: true,
        },
      },
    };
    const mocks = {
      A1: async () => ({ a: 1 }),
      A2: async (input: Json) => ({ a2: input }),
      B1: () => ({ b: 1 }),
      B3: (input: Json) => ({ b3: input }),
    };
    const original = sfn.createStateMachine(definition).startExecution({}, { mocks });
    const waiting = await sfn.callbacks.nextPending({ stateName: 'C' });
    await at(sfn.clock, 10_000);
    const snapshot = saved(original);
    sfn.sendTaskSuccess(waiting.taskToken, '"c"');
    const expected = await original.result;

    const sfn2 = new Interpreter({ startTime: snapshot.clockNow });
    const resumed = await sfn2.resumeExecution(snapshot);
    sfn2.sendTaskSuccess(waiting.taskToken, '"c"');
    expect(await resumed.result).toEqual(expected);
    expect(expected.output).toEqual([{ a2: { a: 1 } }, { b3: { b: 1 } }, 'c']);
    expect(plain(resumed.history())).toEqual(plain(original.history()));
  });

  it('a Map iteration paused at a callback while the other iterations finished', async () => {
    const sfn = new Interpreter({ startTime: START, seed: 3 });
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 2,
          ItemProcessor: { StartAt: 'Confirm', States: { Confirm: { ...callbackTask(), End: true } } },
          End: true,
        },
      },
    };
    const itemId = (input: Json) => (input as { MessageBody: { input: { id: number } } }).MessageBody.input.id;
    const mocks = { Confirm: (input: Json) => (itemId(input) === 2 ? neverAnswers() : { confirmed: itemId(input) }) };
    const original = sfn.createStateMachine(definition).startExecution({ items: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }] }, { mocks });
    await at(sfn.clock, 1000); // every other iteration has finished
    const [stuck] = sfn.callbacks.pending();
    expect(stuck.input).toMatchObject({ MessageBody: { input: { id: 2 } } });
    const snapshot = saved(original);
    sfn.sendTaskSuccess(stuck.taskToken, '{"confirmed":"late"}');
    const expected = await original.result;

    const sfn2 = new Interpreter({ startTime: snapshot.clockNow });
    const resumed = await sfn2.resumeExecution(snapshot);
    expect(sfn2.callbacks.pending().map((t) => t.taskToken)).toEqual([stuck.taskToken]);
    sfn2.sendTaskSuccess(stuck.taskToken, '{"confirmed":"late"}');
    expect(await resumed.result).toEqual(expected);
    expect(expected.output).toEqual([{ confirmed: 1 }, { confirmed: 'late' }, { confirmed: 3 }, { confirmed: 4 }]);
    expect(plain(resumed.history())).toEqual(plain(original.history()));
  });
});

describe('resumeExecution: finished and stopped executions', () => {
  it('a finished execution comes back finished, with its result and history', async () => {
    const sfn = new Interpreter({ startTime: START });
    const original = sfn.createStateMachine(approval).startExecution({ orderId: 2 }, { mocks: { ...prepare, Approve: () => ({ approved: false }) } });
    const result = await original.result;
    const snapshot = saved(original);
    expect(snapshot).toMatchObject({ status: 'SUCCEEDED', result });

    const resumed = await new Interpreter({ startTime: snapshot.clockNow }).resumeExecution(snapshot);
    expect(resumed.status).toBe('SUCCEEDED');
    expect(await resumed.result).toEqual(result);
    expect(plain(resumed.history())).toEqual(plain(original.history()));
  });

  it('replays a stop: saved in the instant of StopExecution, the execution resumes and ends ABORTED', async () => {
    const sfn = new Interpreter({ startTime: START });
    const original = sfn.createStateMachine(approval).startExecution({ orderId: 3 }, { mocks: prepare });
    await sfn.callbacks.nextPending();
    original.stop('Ops.Cancelled', 'customer called');
    const snapshot = saved(original);
    await original.result;

    const sfn2 = new Interpreter({ startTime: snapshot.clockNow });
    const resumed = await sfn2.resumeExecution(snapshot);
    expect(await resumed.result).toEqual({ status: 'ABORTED', error: 'Ops.Cancelled', cause: 'customer called' });
    expect(sfn2.callbacks.pending()).toEqual([]);
    expect(plain(resumed.history())).toEqual(plain(original.history()));
  });
});

describe('resumeExecution: an async mock that took real time', () => {
  it('answers in the replay when it answered before (its arrival is recorded), so a real-clock snapshot resumes', async () => {
    const definition = { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', Next: 'Ask' }, Ask: { ...callbackTask(), End: true } } };
    const sfn = new Interpreter({ clock: 'real' });
    const execution = sfn.createStateMachine(definition).startExecution({}, { mocks: { Call: async () => (await new Promise((r) => setTimeout(r, 30)), { ok: 1 }) } });
    await sfn.callbacks.nextPending();
    const snapshot = saved(execution);
    execution.stop();
    expect(snapshot.answers[0]).toMatchObject({ kind: 'mock', async: true, at: expect.any(String) });
    const resumed = await new Interpreter({ clock: 'real' }).resumeExecution(snapshot);
    expect(plain(resumed.history())).toEqual(snapshot.history);
    resumed.stop();
  });
});

describe('resumeExecution: errors', () => {
  it('a child execution the execution started (states:startExecution) is not in its snapshot: the resume stops and says so', async () => {
    const child = { StartAt: 'Ask', States: { Ask: { ...callbackTask(), End: true } } };
    const sfn = new Interpreter({ startTime: START });
    const childMachine = sfn.createStateMachine(child, { name: 'Child' });
    const parent = {
      StartAt: 'Run',
      States: { Run: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: childMachine.stateMachineArn, Input: {} }, End: true } },
    };
    const execution = sfn.createStateMachine(parent, { name: 'Parent' }).startExecution({});
    await sfn.callbacks.nextPending();
    const snapshot = saved(execution);
    const other = new Interpreter({ startTime: snapshot.clockNow });
    other.createStateMachine(child, { name: 'Child' });
    await expect(other.resumeExecution(snapshot)).rejects.toThrow(
      `its Task state 'Run' started a child execution of ${childMachine.stateMachineArn}, and child executions (states:startExecution) are not kept in snapshots or journals yet`,
    );
    expect(other.callbacks.pending()).toEqual([]);
  });

  async function waitingSnapshot() {
    const sfn = new Interpreter({ startTime: START });
    const original = sfn.createStateMachine(approval).startExecution({ orderId: 7 }, { mocks: prepare });
    await sfn.callbacks.nextPending();
    return saved(original);
  }

  it('a changed definition that no longer reproduces the history: ReplayDivergenceError naming the event and the difference', async () => {
    const snapshot = await waitingSnapshot();
    const changed = structuredClone(snapshot);
    (changed.stateMachine.definition.States.Prepare as { Parameters: unknown }).Parameters = { 'orderId.$': '$.orderId', priority: 'high' };
    const error = await new Interpreter({ startTime: START }).resumeExecution(changed).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ReplayDivergenceError', eventId: 3 });
    expect((error as Error).message).toMatch(
      /At event 3 the snapshot has TaskScheduled \(in state 'Prepare'\), but the replay recorded TaskScheduled \(in state 'Prepare'\) \(taskScheduledEventDetails\.parameters: .*orderId.* in the snapshot, .*priority.* in the replay\)/,
    );

    const renamed = structuredClone(snapshot);
    const states = renamed.stateMachine.definition.States as Record<string, { Next?: string }>;
    states.Check = { ...states.Approve };
    delete states.Approve;
    states.Prepare.Next = 'Check';
    await expect(new Interpreter({ startTime: START }).resumeExecution(renamed)).rejects.toThrow(
      /At event \d+ the snapshot has TaskStateEntered of state 'Approve', but the replay recorded TaskStateEntered of state 'Check'/,
    );
  });

  it('a history the replay cannot reach (an answer edited away) says where it stopped', async () => {
    const snapshot = await waitingSnapshot();
    const edited = { ...snapshot, answers: [] };
    await expect(new Interpreter({ startTime: START }).resumeExecution(edited)).rejects.toThrow(/At event 3 the snapshot has TaskScheduled \(in state 'Prepare'\), but the replay recorded ExecutionFailed/);
  });

  it('another version, a missing field, an invalid definition, a clock behind the snapshot: clear errors', async () => {
    const snapshot = await waitingSnapshot();
    const sfn = new Interpreter({ startTime: START });
    await expect(sfn.resumeExecution({ ...snapshot, version: 2 as 1 })).rejects.toThrow(/version 2; this interpreter reads version 1/);
    await expect(sfn.resumeExecution({ ...snapshot, history: undefined as never })).rejects.toThrow(/lacks history/);
    const invalid = structuredClone(snapshot);
    (invalid.stateMachine.definition as { StartAt: string }).StartAt = 'Nowhere';
    await expect(sfn.resumeExecution(invalid)).rejects.toThrow(/Nowhere/);
    const later = { ...snapshot, clockNow: '2024-06-01T00:00:00.000Z' };
    await expect(sfn.resumeExecution(later)).rejects.toThrow(/clock \(2024-01-01T00:00:00.000Z\) is before the snapshot's time \(2024-06-01T00:00:00.000Z\)/);
  });

  it('an answer sent while another branch was busy in the same instant: a replay that cannot place it again is reported, never a different history', async () => {
    const sfn = new Interpreter({ startTime: START });
    const lambda = (name: string, next?: string) => ({ Type: 'Task', Resource: `arn:aws:lambda:us-east-1:123456789012:function:${name}`, ...(next ? { Next: next } : { End: true }) });
    const definition = {
      StartAt: 'Fork',
      States: {
        Fork: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'A1', States: { A1: lambda('a1', 'A2'), A2: lambda('a2', 'A3'), A3: lambda('a3') } },
            { StartAt: 'C', States: { C: { ...callbackTask(), Next: 'D' }, D: { ...callbackTask(), End: true } } },
          ],
          End: true,
        },
      },
    };
    const original = sfn.createStateMachine(definition).startExecution({}, { mocks: { A1: () => 1, A2: () => 2, A3: () => 3 } });
    const c = await sfn.callbacks.nextPending({ stateName: 'C' });
    sfn.sendTaskSuccess(c.taskToken, '"c"'); // branch A is still running its tasks, in the same instant
    await sfn.callbacks.nextPending({ stateName: 'D' });
    const snapshot = saved(original);
    await expect(new Interpreter({ startTime: snapshot.clockNow }).resumeExecution(snapshot)).rejects.toMatchObject({
      name: 'ReplayDivergenceError',
      message: expect.stringMatching(/At event \d+ the snapshot has .*, but the replay recorded /),
    });
  });

  it('resuming beside the still-running original (same tokens open) is refused', async () => {
    const sfn = new Interpreter({ startTime: START });
    const original = sfn.createStateMachine(approval).startExecution({ orderId: 7 }, { mocks: prepare });
    await sfn.callbacks.nextPending();
    await expect(sfn.resumeExecution(saved(original))).rejects.toThrow(/still running in this interpreter/);
  });

  it('snapshot() without a recorded history is refused', () => {
    const sfn = new Interpreter({ startTime: START, recordHistory: false });
    const execution = sfn.createStateMachine({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }).startExecution({});
    expect(() => execution.snapshot()).toThrow(/recordHistory: false/);
  });
});

describe('randomPosition', () => {
  it('a seeded source rebuilt from its position draws what the original draws next', () => {
    const random = seededRandom(1234);
    for (let i = 0; i < 40; i++) random();
    const copy = seededRandom(randomPosition(random)!);
    expect(Array.from({ length: 5 }, () => copy())).toEqual(Array.from({ length: 5 }, () => random()));
    expect(randomPosition(() => 0.5)).toBeUndefined();
  });
});
