import { describe, expect, it } from 'vitest';
import { Interpreter } from '../../../src/interpreter';
import { eventTypes, newInterpreter, START } from './support';

const child = {
  StartAt: 'Wait',
  States: {
    Wait: { Type: 'Wait', Seconds: 60, Next: 'Check' },
    Check: { Type: 'Choice', Choices: [{ And: [{ Variable: '$.fail', IsPresent: true }, { Variable: '$.fail', BooleanEquals: true }], Next: 'Fail' }], Default: 'Done' },
    Done: { Type: 'Pass', Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' }, End: true },
    Fail: { Type: 'Fail', Error: 'Child.Failed', Cause: 'asked to fail' },
  },
};

function parent(resource: string) {
  return {
    StartAt: 'Start',
    States: {
      Start: {
        Type: 'Task',
        Resource: resource,
        Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Child', 'Input.$': '$', Name: 'child-run' },
        End: true,
      },
    },
  };
}

describe('nested executions (states:startExecution) on registered state machines', () => {
  it('.sync runs the child for real and returns its description with Input/Output as JSON text', async () => {
    const sfn = newInterpreter();
    sfn.createStateMachine(child, { name: 'Child' });
    const execution = sfn.createStateMachine(parent('arn:aws:states:::states:startExecution.sync'), { name: 'Parent' }).startExecution({ n: 21 });
    const result = await execution.result;
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: {
        ExecutionArn: 'arn:aws:states:us-east-1:123456789012:execution:Child:child-run',
        Input: '{"n":21}',
        InputDetails: { Included: true },
        Name: 'child-run',
        Output: '{"doubled":42}',
        OutputDetails: { Included: true },
        RedriveCount: 0,
        RedriveStatus: 'NOT_REDRIVABLE',
        RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
        StartDate: START,
        StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Child',
        Status: 'SUCCEEDED',
        StopDate: START + 60_000,
      },
    });
    expect(eventTypes(execution)).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded',
    ]);
    expect(sfn.jobs.list()).toMatchObject([{ status: 'SUCCEEDED', childExecutionArn: 'arn:aws:states:us-east-1:123456789012:execution:Child:child-run' }]);
  });

  it('.sync:2 returns Input and Output as JSON', async () => {
    const sfn = newInterpreter();
    sfn.createStateMachine(child, { name: 'Child' });
    const result = await sfn.createStateMachine(parent('arn:aws:states:::states:startExecution.sync:2')).startExecution({ n: 2 }).result;
    expect(result.output).toMatchObject({ Input: { n: 2 }, Output: { doubled: 4 }, Status: 'SUCCEEDED' });
  });

  it('a failed child fails the task with States.TaskFailed and the child’s description as cause', async () => {
    const sfn = newInterpreter();
    sfn.createStateMachine(child, { name: 'Child' });
    const result = await sfn.createStateMachine(parent('arn:aws:states:::states:startExecution.sync')).startExecution({ n: 1, fail: true }).result;
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.TaskFailed');
    expect(JSON.parse(result.cause!)).toEqual({
      Cause: 'asked to fail',
      Error: 'Child.Failed',
      ExecutionArn: 'arn:aws:states:us-east-1:123456789012:execution:Child:child-run',
      Input: '{"n":1,"fail":true}',
      InputDetails: { Included: true },
      Name: 'child-run',
      StartDate: START,
      StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Child',
      Status: 'FAILED',
      StopDate: START + 60_000,
    });
  });

  it('stopping the parent stops the child (.sync job cancelled)', async () => {
    const sfn = newInterpreter();
    const childMachine = sfn.createStateMachine(child, { name: 'Child' });
    const execution = sfn.createStateMachine(parent('arn:aws:states:::states:startExecution.sync')).startExecution({ n: 1 });
    sfn.clock.setTimer(10_000, () => execution.stop());
    expect((await execution.result).status).toBe('ABORTED');
    const [job] = sfn.jobs.list();
    expect(job).toMatchObject({ status: 'CANCELLED', cancelReason: 'aborted' });
    expect(childMachine.stateMachineArn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:Child');
  });

  it('request-response starts the child and goes on with ExecutionArn and StartDate', async () => {
    const sfn = newInterpreter();
    sfn.createStateMachine(child, { name: 'Child' });
    const result = await sfn.createStateMachine(parent('arn:aws:states:::states:startExecution')).startExecution({ n: 1 }).result;
    expect(result.output).toMatchObject({
      ExecutionArn: 'arn:aws:states:us-east-1:123456789012:execution:Child:child-run',
      StartDate: START,
      SdkHttpMetadata: { HttpStatusCode: 200 },
    });
  });

  it('.waitForTaskToken starts the child, which answers the parent’s token', async () => {
    const sfn = new Interpreter({
      startTime: START,
      mocks: {
        // The child's own task calls back with the token it was given.
        Answer: (input) => {
          const { token, n } = input as { token: string; n: number };
          sfn.sendTaskSuccess(token, JSON.stringify({ answered: n }));
          return {};
        },
      },
    });
    sfn.createStateMachine(
      { StartAt: 'Answer', States: { Answer: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } },
      { name: 'Responder' },
    );
    const definition = {
      StartAt: 'Ask',
      States: {
        Ask: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.waitForTaskToken',
          Parameters: {
            StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Responder',
            Input: { 'token.$': '$$.Task.Token', 'n.$': '$.n' },
          },
          End: true,
        },
      },
    };
    expect(await sfn.createStateMachine(definition).startExecution({ n: 5 }).result).toEqual({ status: 'SUCCEEDED', output: { answered: 5 } });
  });

  it('an unregistered target still needs a mock', async () => {
    const sfn = newInterpreter();
    const result = await sfn.createStateMachine(parent('arn:aws:states:::states:startExecution.sync')).startExecution({}).result;
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toMatch(/No mock answers the Task state 'Start'/);
  });
});
