import { describe, expect, it } from 'vitest';
import { Interpreter } from '../../../src/interpreter';

const ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:';

const taskMachine = (next?: object) => ({
  StartAt: 'Charge',
  States: {
    Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'charge', 'Payload.$': '$' }, OutputPath: '$.Payload', ...(next ? { Next: 'Nested' } : { End: true }) },
    ...(next ? { Nested: next } : {}),
  },
});

const startSync = (machine: string) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::states:startExecution.sync:2',
  Parameters: { StateMachineArn: `${ARN}${machine}`, 'Input.$': '$' },
  OutputPath: '$.Output',
  End: true,
});

describe('child executions inherit the mocks of the execution that started them', () => {
  it('a mock given to the parent execution answers the child’s state of that name', async () => {
    const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z' });
    sfn.createStateMachine(taskMachine(), { name: 'Child' });
    const parent = sfn.createStateMachine({ StartAt: 'Run', States: { Run: startSync('Child') } }, { name: 'Parent' });
    const calls: string[] = [];
    const execution = parent.startExecution({ amount: 5 }, {
      mocks: {
        Charge: (input, { context }) => {
          calls.push(String((context as { Execution: { Id: string } }).Execution.Id));
          return { charged: (input as { Payload: { amount: number } }).Payload.amount };
        },
      },
    });
    expect(await execution.result).toEqual({ status: 'SUCCEEDED', output: { charged: 5 } });
    expect(calls).toEqual([expect.stringContaining(':execution:Child:')]);
  });

  it('grandchildren inherit too; the nearest execution’s mock wins', async () => {
    const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z', mocks: { Charge: () => ({ by: 'interpreter' }) } });
    sfn.createStateMachine(taskMachine(), { name: 'Grandchild' });
    sfn.createStateMachine(taskMachine(startSync('Grandchild')), { name: 'Child' });
    const parent = sfn.createStateMachine({ StartAt: 'Run', States: { Run: startSync('Child') } }, { name: 'Parent' });

    const inherited = await parent.startExecution({}, { mocks: { Charge: () => ({ Payload: { by: 'parent' }, StatusCode: 200 }) } }).result;
    expect(inherited).toEqual({ status: 'SUCCEEDED', output: { by: 'parent' } });

    // Without execution mocks, the interpreter's mocks still answer every execution.
    const fallback = await parent.startExecution({}).result;
    expect(fallback).toEqual({ status: 'SUCCEEDED', output: { by: 'interpreter' } });
  });

  it('a child started directly keeps only its own and the interpreter’s mocks', async () => {
    const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z' });
    const child = sfn.createStateMachine(taskMachine(), { name: 'Child' });
    const result = await child.startExecution({}).result;
    expect(result).toMatchObject({ status: 'FAILED' });
    expect(result.cause).toContain('Charge');
  });
});
