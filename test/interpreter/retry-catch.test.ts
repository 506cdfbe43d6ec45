import { describe, expect, it } from 'vitest';
import { retryDelaySeconds, seededRandom, taskFailure } from '../../src/interpreter';
import { errorMatches } from '../../src/interpreter/error-handling/error-matching';
import { eventTypes, run } from './run';

const task = (extra: Record<string, unknown>) => ({
  StartAt: 'T',
  States: {
    T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, End: true, ...extra },
    ...(extra.Catch ? { Caught: { Type: 'Pass', End: true } } : {}),
  },
});

function failing(times: number, error = 'Boom', cause = 'it broke') {
  let calls = 0;
  return {
    mock: () => {
      calls++;
      if (calls <= times) throw taskFailure(error, cause);
      return { ok: calls };
    },
    calls: () => calls,
  };
}

describe('retry delay', () => {
  it('follows IntervalSeconds × BackoffRate^k, capped by MaxDelaySeconds', () => {
    const r = { ErrorEquals: ['X'], IntervalSeconds: 2, BackoffRate: 3, MaxDelaySeconds: 30 };
    expect([0, 1, 2, 3].map((k) => retryDelaySeconds(r, k, Math.random))).toEqual([2, 6, 18, 30]);
    expect([0, 1, 2].map((k) => retryDelaySeconds({ ErrorEquals: ['X'] }, k, Math.random))).toEqual([1, 2, 4]);
  });

  it('draws FULL jitter uniformly in [0, d) from the seeded source', () => {
    const r = { ErrorEquals: ['X'], IntervalSeconds: 10, JitterStrategy: 'FULL' as const };
    const a = retryDelaySeconds(r, 1, seededRandom(7));
    expect(a).toBe(retryDelaySeconds(r, 1, seededRandom(7)));
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(20);
  });
});

describe('error matching', () => {
  it('applies the States.ALL and States.TaskFailed wildcards and never matches States.Runtime', () => {
    expect(errorMatches(['States.ALL'], 'Anything')).toBe(true);
    expect(errorMatches(['States.TaskFailed'], 'Lambda.Unknown')).toBe(true);
    expect(errorMatches(['States.TaskFailed'], 'States.Timeout')).toBe(false);
    expect(errorMatches(['States.ALL'], 'States.Runtime')).toBe(false);
    expect(errorMatches(['States.Runtime'], 'States.Runtime')).toBe(false);
    expect(errorMatches(['A', 'B'], 'B')).toBe(true);
  });
});

describe('Retry', () => {
  it('retries on the virtual clock with the exact delays and counts RetryCount', async () => {
    const f = failing(3);
    const { result, execution } = await run(task({ Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 3 }] }), {}, { mocks: { T: f.mock } });
    expect(result.status).toBe('SUCCEEDED');
    expect(f.calls()).toBe(4);
    const scheduled = execution.history().filter((e) => e.type === 'TaskScheduled').map((e) => e.timestamp!.toISOString());
    expect(scheduled).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-01T00:00:01.000Z', '2024-01-01T00:00:03.000Z', '2024-01-01T00:00:07.000Z']);
  });

  it('keeps a counter per retrier and stops at the first matching retrier (spec example)', async () => {
    const errors = ['ErrorA', 'ErrorB', 'ErrorC', 'ErrorB'];
    let n = 0;
    const { result, execution } = await run(
      task({
        Retry: [
          { ErrorEquals: ['ErrorA', 'ErrorB'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 2 },
          { ErrorEquals: ['ErrorC'], IntervalSeconds: 5 },
        ],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
      }),
      {},
      { mocks: { T: () => { throw taskFailure(errors[n++] ?? 'ErrorZ'); } } },
    );
    expect(result.output).toEqual({ Error: 'ErrorB' });
    const times = execution.history().filter((e) => e.type === 'TaskScheduled').map((e) => e.timestamp!.getTime() / 1000 - Date.parse('2024-01-01T00:00:00Z') / 1000);
    expect(times).toEqual([0, 1, 3, 8]); // waits of 1 s, 2 s, 5 s
  });

  it('never retries or catches States.Runtime', async () => {
    const { result } = await run(
      task({ OutputPath: '$.missing', Retry: [{ ErrorEquals: ['States.ALL'] }], Catch: [{ ErrorEquals: ['States.Runtime'], Next: 'Caught' }] }),
      {},
      { mocks: { T: () => ({}) } },
    );
    expect(result.error).toBe('States.Runtime');
  });
});

describe('Catch', () => {
  it('JSONPath: places the error output with ResultPath into the raw input and assigns from it', async () => {
    const { result, execution } = await run(
      {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::sqs:sendMessage',
            Parameters: { QueueUrl: 'q' },
            Catch: [{ ErrorEquals: ['Boom'], ResultPath: '$.err', Assign: { 'why.$': '$.Cause' }, Next: 'After' }],
            End: true,
          },
          After: { Type: 'Pass', Parameters: { 'err.$': '$.err', 'why.$': '$why', 'orig.$': '$.orig' }, End: true },
        },
      },
      { orig: 1 },
      { mocks: { T: () => { throw taskFailure('Boom', 'bad'); } } },
    );
    expect(result.output).toEqual({ err: { Error: 'Boom', Cause: 'bad' }, why: 'bad', orig: 1 });
    expect(eventTypes(execution)).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskFailed', 'TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded',
    ]);
  });

  it('JSONata: the catcher Output sees $states.errorOutput', async () => {
    const { result } = await run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Arguments: { FunctionName: 'f' },
            Catch: [{ ErrorEquals: ['States.TaskFailed'], Output: { e: '{% $states.errorOutput.Error %}', in: '{% $states.input.x %}' }, Next: 'Done' }],
            End: true,
          },
          Done: { Type: 'Succeed' },
        },
      },
      { x: 5 },
      { mocks: { T: () => { throw new TypeError('bad type'); } } },
    );
    expect(result.output).toEqual({ e: 'TypeError', in: 5 });
  });
});
