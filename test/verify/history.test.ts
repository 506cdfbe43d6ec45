import { describe, expect, it } from 'vitest';
import type { Json, StateMachineDefinition } from '../../src/asl/types';
import { Interpreter, taskFailure, type TaskMocks } from '../../src/interpreter';
import { readHistory, replayHistory, verifyEquivalence } from '../../src/verify/index';
import { example, fixture, readAsl } from './helpers';
import { plantChange, renameStates } from './planted-changes';

/** Runs `definition` on our interpreter and returns its history as `aws stepfunctions get-execution-history` prints it. */
async function recordHistory(definition: StateMachineDefinition, input: Json, mocks: TaskMocks): Promise<{ events: unknown[] }> {
  const sfn = new Interpreter({ startTime: '2024-05-01T10:00:00Z' });
  const execution = sfn.createStateMachine(definition, { name: 'Recorded' }).startExecution(input, { mocks });
  await execution.result;
  return JSON.parse(JSON.stringify({ events: execution.history() })) as { events: unknown[] };
}

const lottery = example('LotteryDraw');
const lotteryMocks: TaskMocks = {
  'Input Lottery Winners': () => ({ body: { draw: 7 } }),
  'Random Select Winners': (_input, call) => {
    if (call.invocationIndex === 0) throw taskFailure('Lambda.Unknown', 'flaky');
    return { body: { winners: [3, 9] } };
  },
  'Validate Winners': () => ({ status: 0, sns: 'Winners: 3, 9', body: { ok: true } }),
  'Notify Winners': () => ({ MessageId: 'm-1' }),
  'Record Winner Queue': () => ({ recorded: true }),
};

describe('replaying recorded histories (AWS GetExecutionHistory format)', () => {
  it('reads the input, the calls, the answers and the ending of a history', async () => {
    const history = await recordHistory(lottery, { draw: 'weekly' }, lotteryMocks);
    const { scenario, recorded } = readHistory(history);
    expect(scenario.input).toEqual({ draw: 'weekly' });
    expect(recorded.calls.map((c) => c.resource.split(':').pop())).toEqual([
      'Lottery-InputWinners',
      'Lottery-RandomSelectWinners',
      'Lottery-RandomSelectWinners',
      'Lottery-ValidateWinners',
      'publish',
      'Lottery-RecordWinners',
    ]);
    expect(scenario.answers[1]).toMatchObject({ error: 'Lambda.Unknown', cause: 'flaky' });
    expect(recorded.end.status).toBe('SUCCEEDED');
  });

  it('the same and a renamed definition make the same calls and end the same way', async () => {
    const history = await recordHistory(lottery, {}, lotteryMocks);
    expect((await replayHistory(history, lottery, 'LotteryDraw')).difference).toBeUndefined();
    expect((await replayHistory(history, renameStates(lottery), 'LotteryDraw')).difference).toBeUndefined();
  });

  it('accepts paginated output concatenated as text', async () => {
    const { events } = await recordHistory(lottery, {}, lotteryMocks);
    const text = `${JSON.stringify({ events: events.slice(0, 10), nextToken: 'page-2' })}\n${JSON.stringify({ events: events.slice(10) })}`;
    const replay = await replayHistory(text, lottery, 'LotteryDraw');
    expect(replay.difference).toBeUndefined();
    expect(replay.recorded.calls).toHaveLength(6);
  });

  it('a changed Retry makes a different number of calls than recorded', async () => {
    const failing: TaskMocks = { ...lotteryMocks, 'Random Select Winners': () => { throw taskFailure('Lambda.Unknown', 'down'); } };
    const history = await recordHistory(lottery, {}, failing);
    const changed = plantChange({ name: 'LotteryDraw', definition: lottery, type: 'STANDARD' }, 'retry-max-attempts')!.definition;
    const report = await verifyEquivalence(lottery, changed, { histories: [{ name: 'prod-1.json', history }], explore: 0 });
    expect(report.equivalent).toBe(false);
    expect(report.difference!.source).toBe('history prod-1.json');
    expect(report.difference!.description).toMatch(/^call #5: the recording made no such call|call #5/);
  });

  it('a callback answer is replayed, with the task token matched whatever its value', async () => {
    const callback = example('CallbackExample');
    const history = await recordHistory(callback, {}, {
      'Start Task And Wait For Callback': () => ({ approved: true }),
      'Notify Success': () => ({ MessageId: 'm-2' }),
    });
    const replay = await replayHistory(history, renameStates(callback), 'CallbackExample');
    expect(replay.difference).toBeUndefined();
    expect(replay.replayed.calls[0].parameters).toMatchObject({ MessageBody: { TaskToken: '<task token>' } });
  });

  it('a history of another state machine is reported as such', async () => {
    const history = await recordHistory(lottery, {}, lotteryMocks);
    const replay = await replayHistory(history, readAsl(fixture('approval-jsonpath.asl.json')), 'Approval');
    expect(replay.difference).toMatch(/history is of another state machine/);
  });

  it('a scenario answer that matches no call is named in a warning', async () => {
    const approval = readAsl(fixture('approval-jsonpath.asl.json'));
    const report = await verifyEquivalence(approval, approval, {
      explore: 0,
      scenarios: [
        {
          name: 'small amount',
          input: { amount: 5, blocked: false },
          answers: [{ resource: 'arn:aws:states:::lambda:invoke', parameters: { FunctionName: 'Approve' }, result: { ok: true } }],
        },
      ],
    });
    expect(report.equivalent).toBe(true);
    expect(report.warnings).toEqual([`scenario small amount: answer #1 (arn:aws:states:::lambda:invoke with {"FunctionName":"Approve"}) matched no call`]);
  });
});
