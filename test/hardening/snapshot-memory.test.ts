/**
 * Snapshots of long executions stay bounded (issue 8): a result rejected for its size is not
 * kept in the answer log (a loop of rejected results grew the snapshot until `snapshot()` threw
 * `RangeError: Invalid string length`), and `snapshot()` never builds one JSON text of the whole
 * execution. Resuming still reproduces the history exactly.
 */
import { describe, expect, it } from 'vitest';
import { Interpreter } from '../../src/interpreter';
import { fetchLoop as loop } from './fetch-loop';

const START = '2024-01-01T00:00:00.000Z';

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('snapshots of rejected results (issue 8)', () => {
  it('a result over the payload limit is recorded as rejected, not kept, and replays to the same history', async () => {
    const sfn = new Interpreter({ startTime: START });
    const machine = sfn.createStateMachine(loop(6), { name: 'Loop' });
    let call = 0;
    // Rounds alternate: 300,000 characters (rejected) and a small page.
    const execution = machine.startExecution({}, { mocks: { Fetch: () => (call++ % 2 === 0 ? { body: 'x'.repeat(300_000) } : { body: `page ${call}` }) } });
    const result = await execution.result;
    expect(result.status).toBe('SUCCEEDED');
    const history = execution.history();
    expect(history.filter((e) => e.type === 'LambdaFunctionFailed').map((e) => e.lambdaFunctionFailedEventDetails?.error)).toEqual(['States.DataLimitExceeded', 'States.DataLimitExceeded', 'States.DataLimitExceeded']);

    const snapshot = execution.snapshot();
    const text = JSON.stringify(snapshot);
    // Three rejected 300 KB results used to be in it (900 KB); the small pages and the history remain.
    expect(text.length).toBeLessThan(50_000);
    expect(snapshot.answers.filter((a) => a.kind === 'mock').map((a) => (a.kind === 'mock' ? Object.keys(a.outcome ?? {})[0] : ''))).toEqual(['overLimit', 'value', 'overLimit', 'value', 'overLimit', 'value']);

    const resumed = await new Interpreter({ startTime: START }).resumeExecution(JSON.parse(text));
    expect(await resumed.result).toEqual(result);
    expect(plain(resumed.history())).toEqual(plain(history));
  });

  it('a result over the limit only once wrapped (lambda:invoke) is kept, so it replays the same', async () => {
    const definition = {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'f' },
          Catch: [{ ErrorEquals: ['States.DataLimitExceeded'], Next: 'Rejected' }],
          End: true,
        },
        Rejected: { Type: 'Pass', End: true },
      },
    };
    const sfn = new Interpreter({ startTime: START });
    // 262,100 characters: under 256 KiB alone, over it inside the invoke response.
    const execution = sfn.createStateMachine(definition, { name: 'Wrapped' }).startExecution({}, { mocks: { Call: () => 'y'.repeat(262_100) } });
    const result = await execution.result;
    const history = execution.history();
    expect(history.some((e) => e.type === 'PassStateEntered')).toBe(true);
    const snapshot = JSON.parse(JSON.stringify(execution.snapshot()));
    const resumed = await new Interpreter({ startTime: START }).resumeExecution(snapshot);
    expect(await resumed.result).toEqual(result);
    expect(plain(resumed.history())).toEqual(plain(history));
  });
});
