import { readFile } from 'node:fs/promises';
import { setTimeout as realDelay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { Interpreter, startActivityWorker, syncJob, VirtualClock } from '../../../src/interpreter';
import { sleep } from '../../../src/interpreter/clock/clock';
import { run } from '../run';

const START = Date.parse('2024-01-01T00:00:00Z');
const task = (resource: string, extra: Record<string, unknown> = {}) => ({
  StartAt: 'T',
  States: { T: { Type: 'Task', Resource: resource, End: true, ...extra } },
});

describe('an async mock takes no virtual time (the clock is held while it works)', () => {
  it('a mock awaiting a real 20 ms timer under TimeoutSeconds 60 succeeds', async () => {
    const { result, execution } = await run(task('arn:aws:states:::lambda:invoke', { TimeoutSeconds: 60, OutputPath: '$.Payload' }), {}, {
      mocks: {
        T: async () => {
          await realDelay(20);
          return { ok: true };
        },
      },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { ok: true } });
    expect(execution.history().at(-1)!.timestamp!.getTime()).toBe(START);
  });

  it('a 1 ms real await with no timeouts at all succeeds (not TIMED_OUT after 1 year)', async () => {
    const { result } = await run(task('arn:aws:states:::sqs:sendMessage'), {}, {
      mocks: {
        T: async () => {
          await realDelay(1);
          return { MessageId: 'm-1' };
        },
      },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { MessageId: 'm-1' } });
  });

  it('a mock reading a file, then throwing, fails with its own error, not States.Timeout', async () => {
    const { result } = await run(task('arn:aws:states:::sqs:sendMessage', { TimeoutSeconds: 1 }), {}, {
      mocks: {
        T: async () => {
          await readFile(new URL(import.meta.url));
          await realDelay(5);
          throw Object.assign(new Error('queue gone'), { name: 'Sqs.QueueDoesNotExist' });
        },
      },
    });
    expect(result).toEqual({ status: 'FAILED', error: 'Sqs.QueueDoesNotExist', cause: 'queue gone' });
  });

  it('a sibling branch\'s Wait does not move while a mock in another branch works', async () => {
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, End: true } } },
            { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', TimeoutSeconds: 5, End: true } } },
          ],
        },
      },
    };
    const { result, execution } = await run(definition, {}, {
      mocks: {
        T: async () => {
          await realDelay(20);
          return 'sent';
        },
      },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: [{}, 'sent'] });
    const succeeded = execution.history().find((e) => e.type === 'TaskSucceeded')!;
    expect(succeeded.timestamp!.getTime()).toBe(START);
    expect(execution.history().at(-1)!.timestamp!.getTime()).toBe(START + 10_000);
  });

  it('holds for .waitForTaskToken mocks (the callback) and .sync mocks', async () => {
    const callback = await run(task('arn:aws:states:::sqs:sendMessage.waitForTaskToken', { HeartbeatSeconds: 5, TimeoutSeconds: 10 }), {}, {
      mocks: {
        T: async () => {
          await realDelay(15);
          return { approved: true };
        },
      },
    });
    expect(callback.result).toMatchObject({ status: 'SUCCEEDED', output: { approved: true } });

    const job = await run(task('arn:aws:states:::glue:startJobRun.sync', { TimeoutSeconds: 30 }), {}, {
      mocks: {
        T: async () => {
          await realDelay(15);
          return syncJob({ seconds: 20, output: { JobRunState: 'SUCCEEDED' } });
        },
      },
    });
    expect(job.result).toMatchObject({ status: 'SUCCEEDED', output: { JobRunState: 'SUCCEEDED' } });
    // The job's declared 20 seconds are the only virtual time that passed.
    expect(job.execution.history().at(-1)!.timestamp!.getTime()).toBe(START + 20_000);
  });

  it('holds while an activity worker\'s async handler works', async () => {
    const sfn = new Interpreter({ startTime: START });
    const { activityArn } = sfn.createActivity('slow');
    const machine = sfn.createStateMachine(task(activityArn, { TimeoutSeconds: 60, HeartbeatSeconds: 2 }), { name: 'A' });
    const worker = startActivityWorker(sfn, activityArn, async (input) => {
      await realDelay(20);
      return { seen: input };
    });
    const execution = machine.startExecution({ n: 1 });
    const result = await execution.result;
    await worker.stop();
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { seen: { n: 1 } } });
  });
});

describe('VirtualClock.hold', () => {
  it('keeps every timer from firing until the last hold is released', async () => {
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    clock.setTimer(1000, () => fired.push(clock.now()));
    const first = clock.hold();
    const second = clock.hold();
    await realDelay(5);
    expect(fired).toEqual([]);
    first();
    first(); // releasing twice counts once
    await realDelay(5);
    expect(fired).toEqual([]);
    second();
    await sleep(clock, 2000).done;
    expect(fired).toEqual([1000]);
  });
});
