import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/asl/types';
import { Interpreter } from '../../src/interpreter';
import { loadExample } from './load-example';

const { definition, source } = loadExample('LotteryDraw');

type Winner = { id: number; name: string };
type DrawBody = { num_of_winners: number; winners?: Winner[] };

const PAST_WINNERS = new Set([3, 8]);

describe(`LotteryDraw end to end (${source})`, () => {
  it('a first draw with a past winner loops back to Random Select Winners; then the Parallel notifies and records', async () => {
    const sfn = new Interpreter({ startTime: '2024-03-01T09:00:00Z' });
    // The draws the random picker makes: the first contains past winner 3, the second is clean.
    const draws = [[3, 5], [4, 9]];
    const picked: number[][] = [];
    const notified: string[] = [];
    const recorded: Winner[][] = [];
    const mocks = {
      'Input Lottery Winners': (input: Json) => ({ body: { num_of_winners: (input as { input: number }).input } }),
      'Random Select Winners': (input: Json) => {
        const body = input as unknown as DrawBody;
        const ids = draws[picked.length].slice(0, body.num_of_winners);
        picked.push(ids);
        return { body: { num_of_winners: body.num_of_winners, winners: ids.map((id) => ({ id, name: `player-${id}` })) } };
      },
      'Validate Winners': (input: Json) => {
        const body = input as unknown as DrawBody;
        const repeat = body.winners!.some((w) => PAST_WINNERS.has(w.id));
        return { status: repeat ? 1 : 0, body, sns: `Winners: ${body.winners!.map((w) => w.name).join(', ')}` };
      },
      'Notify Winners': (input: Json) => {
        notified.push((input as { Message: string }).Message);
        return { MessageId: 'sns-1' };
      },
      'Record Winner Queue': (input: Json) => {
        recorded.push((input as unknown as DrawBody).winners!);
        return { recorded: (input as unknown as DrawBody).winners!.length };
      },
    };
    const execution = sfn.createStateMachine(definition, { name: 'LotteryDraw' }).startExecution({ input: 2 }, { mocks });
    const result = await execution.result;
    expect(result).toEqual({ status: 'SUCCEEDED', output: [{ MessageId: 'sns-1' }, { recorded: 2 }] });
    expect(picked).toEqual([[3, 5], [4, 9]]);
    expect(notified).toEqual(['Winners: player-4, player-9']);
    expect(recorded).toEqual([[{ id: 4, name: 'player-4' }, { id: 9, name: 'player-9' }]]);
    const entered = execution.history().filter((e) => String(e.type).endsWith('StateEntered')).map((e) => e.stateEnteredEventDetails!.name);
    expect(entered.slice(0, 8)).toEqual([
      'Input Lottery Winners',
      'Random Select Winners', 'Validate Winners', 'Is Winner In Past Draw',
      'Random Select Winners', 'Validate Winners', 'Is Winner In Past Draw',
      'Send SNS and Record In Dynamodb',
    ]);
    expect(new Set(entered.slice(8))).toEqual(new Set(['Notify Winners', 'Record Winner Queue']));
  });

  it('a CustomError from Input Lottery Winners ends in Failed', async () => {
    const sfn = new Interpreter({ startTime: '2024-03-01T09:00:00Z' });
    const result = await sfn.createStateMachine(definition).startExecution({ input: 1 }, {
      mocks: {
        'Input Lottery Winners': () => {
          const error = new Error('the draw is closed');
          error.name = 'CustomError';
          throw error;
        },
      },
    }).result;
    expect(result.status).toBe('FAILED');
  });
});
