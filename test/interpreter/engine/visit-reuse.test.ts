import { describe, expect, it } from 'vitest';
import { run } from '../run';

// States that finish synchronously hand their visit object to the next state of the same thread;
// nothing of one visit may leak into the next.
describe('state visits reused along a thread', () => {
  it('gives each state its own context, transition, Assign and Output, around synchronous and asynchronous states', async () => {
    const definition = {
      StartAt: 'Pick',
      States: {
        Pick: {
          Type: 'Choice',
          Choices: [{ Variable: '$.n', NumericLessThan: 2, Next: 'Note', Assign: { fromRule: 'rule' } }],
          Default: 'Done',
        },
        Note: {
          Type: 'Pass',
          Parameters: { 'n.$': '$.n', 'state.$': '$$.State.Name', 'entered.$': '$$.State.EnteredTime', 'seen.$': '$fromRule' },
          Assign: { fromPass: 'pass' },
          Next: 'Call',
        },
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { 'n.$': '$.n', 'retry.$': '$$.State.RetryCount' },
          ResultSelector: { 'n.$': '$.Payload.n', 'retry.$': '$.Payload.retry', 'state.$': '$$.State.Name' },
          Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 1, MaxAttempts: 1 }],
          Next: 'Count',
        },
        Count: {
          Type: 'Pass',
          Parameters: { 'n.$': 'States.MathAdd($.n, 1)', 'retry.$': '$.retry', 'state.$': '$$.State.Name', 'passVar.$': '$fromPass' },
          Next: 'Pick',
        },
        Done: { Type: 'Succeed' },
      },
    };
    let calls = 0;
    const { result, execution } = await run(definition, { n: 0 }, {
      mocks: {
        Call: (input: unknown) => {
          calls++;
          if (calls === 1) throw Object.assign(new Error('try again'), { name: 'Flaky' });
          return input as never;
        },
      },
    });
    expect(result).toEqual({ status: 'SUCCEEDED', output: { n: 2, retry: 0, state: 'Count', passVar: 'pass' } });
    const outputs = execution
      .history()
      .filter((e) => e.type === 'PassStateExited' || e.type === 'TaskStateExited')
      .map((e) => [e.stateExitedEventDetails?.name, JSON.parse(e.stateExitedEventDetails?.output ?? 'null'), e.stateExitedEventDetails?.assignedVariables]);
    expect(outputs).toEqual([
      ['Note', { n: 0, state: 'Note', entered: '2024-01-01T00:00:00.000Z', seen: 'rule' }, { fromPass: '"pass"' }],
      // The first attempt failed and was retried one (virtual) second later: RetryCount 1.
      ['Call', { n: 0, retry: 1, state: 'Call' }, undefined],
      ['Count', { n: 1, retry: 1, state: 'Count', passVar: 'pass' }, undefined],
      ['Note', { n: 1, state: 'Note', entered: '2024-01-01T00:00:01.000Z', seen: 'rule' }, { fromPass: '"pass"' }],
      ['Call', { n: 1, retry: 0, state: 'Call' }, undefined],
      ['Count', { n: 2, retry: 0, state: 'Count', passVar: 'pass' }, undefined],
    ]);
    // The Choice's rule Assign applies to the Choice only, never to the Pass that reuses its visit.
    const choiceExits = execution.history().filter((e) => e.type === 'ChoiceStateExited');
    expect(choiceExits.map((e) => e.stateExitedEventDetails?.assignedVariables)).toEqual([{ fromRule: '"rule"' }, { fromRule: '"rule"' }, undefined]);
  });
});
