import { describe, expect, it } from 'vitest';
import { Interpreter } from '../../src/interpreter/index';
import type { StateMachineDefinition } from '../../src/asl/types';

// A loop that never exits and never lets virtual time pass: it must end with a clear failure,
// never hang the process.
const endless: StateMachineDefinition = {
  StartAt: 'Spin',
  States: {
    Spin: { Type: 'Pass', Next: 'Done?' },
    'Done?': { Type: 'Choice', Choices: [{ Variable: '$.done', IsPresent: true, Next: 'End' }], Default: 'Spin' },
    End: { Type: 'Succeed' },
  },
};

describe('endless zero-time loops', () => {
  it('a STANDARD execution stops at AWS history limit of 25,000 events', async () => {
    const execution = new Interpreter().createStateMachine(endless, { type: 'STANDARD' }).startExecution({});
    expect(await execution.result).toEqual({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: 'The execution history reached the limit of 25000 events.',
    });
  });

  it('an EXPRESS execution stops at maxExpressEvents with a cause that names the likely loop', async () => {
    const sfn = new Interpreter({ maxExpressEvents: 5_000 });
    const execution = sfn.createStateMachine(endless, { type: 'EXPRESS' }).startExecution({});
    const result = await execution.result;
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toMatch(/^The EXPRESS execution recorded 5000 history events without ending\. .*maxExpressEvents/);
    expect(execution.history().at(-1)!.type).toBe('ExecutionFailed');
  });

  it('an EXPRESS loop that does exit is not affected', async () => {
    const sfn = new Interpreter({ maxExpressEvents: 5_000 });
    const result = await sfn.createStateMachine(endless, { type: 'EXPRESS' }).startExecution({ done: true }).result;
    expect(result).toEqual({ status: 'SUCCEEDED', output: { done: true } });
  });
});
