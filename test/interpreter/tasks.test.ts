import { describe, expect, it } from 'vitest';
import { taskTarget, Interpreter, mocksFromConfigFile, neverAnswers, taskFailure, type MockConfigFile } from '../../src/interpreter';
import { eventTypes, run } from './run';

describe('taskTarget', () => {
  it('tells the resource kinds and patterns apart', () => {
    expect(taskTarget('arn:aws:lambda:us-east-1:123456789012:function:f')).toMatchObject({ kind: 'lambda-function', pattern: 'request-response' });
    expect(taskTarget('arn:aws:states:us-east-1:123456789012:activity:a')).toMatchObject({ kind: 'activity' });
    expect(taskTarget('arn:aws:states:::sqs:sendMessage.waitForTaskToken')).toMatchObject({ kind: 'service', pattern: 'waitForTaskToken', resourceType: 'sqs', resource: 'sendMessage.waitForTaskToken' });
    expect(taskTarget('arn:aws:states:::states:startExecution.sync:2')).toMatchObject({ pattern: 'sync:2', resourceType: 'states', resource: 'startExecution.sync:2' });
    expect(taskTarget('arn:aws:states:::aws-sdk:dynamodb:putItem')).toMatchObject({ kind: 'aws-sdk', resourceType: 'aws-sdk:dynamodb', resource: 'putItem' });
    expect(taskTarget('arn:aws:states:::http:invoke')).toMatchObject({ kind: 'http' });
    expect(() => taskTarget('nope')).toThrow(/Unsupported Task Resource 'nope'/);
  });
});

const single = (resource: string, extra: object = {}) => ({ StartAt: 'T', States: { T: { Type: 'Task', Resource: resource, End: true, ...extra } } });

describe('task mocks', () => {
  it('fails at once, naming the state and resource, when no mock answers', async () => {
    const { result } = await run(single('arn:aws:states:::sns:publish'));
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toContain("No mock answers the Task state 'T' (Resource 'arn:aws:states:::sns:publish')");
    expect(result.cause).toContain("mocks: { 'T': (input) =>");
  });

  it('finds mocks by state name first, then by resource ARN', async () => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:f';
    expect((await run(single(arn), {}, { mocks: { [arn]: () => 'by-arn' } })).result.output).toBe('by-arn');
    expect((await run(single(arn), {}, { mocks: { [arn]: () => 'by-arn', T: () => 'by-name' } })).result.output).toBe('by-name');
  });

  it('gives the mock the effective input, the context with a task token, and an invocation index', async () => {
    const seen: unknown[] = [];
    await run(single('arn:aws:states:::sqs:sendMessage.waitForTaskToken', { Parameters: { 'token.$': '$$.Task.Token', x: 1 } }), {}, {
      mocks: {
        T: (input, invocation) => {
          seen.push(input, invocation.invocationIndex, (invocation.context as { Task: { Token: string } }).Task.Token === invocation.taskToken);
          return {};
        },
      },
    });
    expect(seen[0]).toMatchObject({ x: 1, token: expect.any(String) });
    expect(seen.slice(1)).toEqual([0, true]);
  });

  it('wraps a lambda:invoke payload in the Lambda response, but passes a full response through', async () => {
    const wrapped = (await run(single('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: 'f' } }), {}, { mocks: { T: () => ({ v: 1 }) } })).result.output as Record<string, unknown>;
    expect(wrapped).toMatchObject({ ExecutedVersion: '$LATEST', Payload: { v: 1 }, StatusCode: 200 });
    expect(Object.keys(wrapped).sort()).toEqual(['ExecutedVersion', 'Payload', 'SdkHttpMetadata', 'SdkResponseMetadata', 'StatusCode']);
    const full = { Payload: 'p', StatusCode: 200 };
    expect((await run(single('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: 'f' } }), {}, { mocks: { T: () => full } })).result.output).toEqual(full);
  });

  it('explains a mock that returns undefined', async () => {
    const { result } = await run(single('arn:aws:states:::sns:publish'), {}, { mocks: { T: (() => undefined) as never } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toContain("The mock of Task state 'T' returned undefined");
  });

  it('turns a thrown error into the task error (name + message) and taskFailure into exact values', async () => {
    expect((await run(single('arn:aws:states:::sns:publish'), {}, { mocks: { T: () => { throw new RangeError('too far'); } } })).result).toEqual({ status: 'FAILED', error: 'RangeError', cause: 'too far' });
    expect((await run(single('arn:aws:states:::sns:publish'), {}, { mocks: { T: () => { throw taskFailure('SNS.X', 'c'); } } })).result).toEqual({ status: 'FAILED', error: 'SNS.X', cause: 'c' });
  });

  it('times out a task that never answers after TimeoutSeconds on the virtual clock', async () => {
    const { result, execution } = await run(single('arn:aws:states:us-east-1:123456789012:activity:a', { TimeoutSeconds: 300 }), {}, { mocks: { T: () => neverAnswers() } });
    expect(result).toEqual({ status: 'FAILED', error: 'States.Timeout', cause: '' });
    expect(eventTypes(execution)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled', 'ActivityStarted', 'ActivityTimedOut', 'ExecutionFailed']);
    const [started, , , , timedOut] = execution.history();
    expect(timedOut.timestamp!.getTime() - started.timestamp!.getTime()).toBe(300_000);
  });

  it('times out on HeartbeatSeconds (from a path) before TimeoutSeconds', async () => {
    const { result, execution } = await run(single('arn:aws:states:::sqs:sendMessage.waitForTaskToken', { TimeoutSeconds: 600, HeartbeatSecondsPath: '$.hb' }), { hb: 60 }, { mocks: { T: () => neverAnswers() } });
    expect(result.error).toBe('States.Timeout');
    const h = execution.history();
    expect(h[h.length - 1].timestamp!.toISOString()).toBe('2024-01-01T00:01:00.000Z');
    expect(eventTypes(execution)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskTimedOut', 'ExecutionFailed']);
  });

  it('fails a task whose input after Parameters exceeds 256 KiB, and one whose result does', async () => {
    const big = 'x'.repeat(270_000);
    const input = await run(single('arn:aws:states:::sns:publish', { Parameters: { 'm.$': '$.big' } }), { big: big.slice(0, 200_000) }, { mocks: { T: () => ({}) } });
    expect(input.result.error).toBeUndefined();
    const tooBig = await run(single('arn:aws:states:::sns:publish', { Parameters: { 'a.$': '$.s', 'b.$': '$.s' } }), { s: big.slice(0, 140_000) }, { mocks: { T: () => ({}) } });
    expect(tooBig.result.error).toBe('States.DataLimitExceeded');
    // A result over the limit is caught by States.ALL (recorded on AWS).
    const caught = await run(
      { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C' }], End: true }, C: { Type: 'Pass', End: true } } },
      {},
      { mocks: { T: () => big } },
    );
    expect(caught.result.output).toMatchObject({ Error: 'States.DataLimitExceeded' });
  });

  it('records Lambda function events for a legacy Lambda ARN', async () => {
    const { execution } = await run(single('arn:aws:lambda:us-east-1:123456789012:function:f'), { a: 1 }, { mocks: { T: (i) => i } });
    expect(eventTypes(execution)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    const scheduled = execution.history()[2];
    expect(scheduled.lambdaFunctionScheduledEventDetails).toEqual({ resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', input: '{"a":1}', inputDetails: { truncated: false } });
  });
});

describe('MockConfigFile', () => {
  const config: MockConfigFile = {
    StateMachines: { Orders: { TestCases: { Flaky: { Charge: 'FailTwiceThenOk' } } } },
    MockedResponses: {
      FailTwiceThenOk: {
        '0-1': { Throw: { Error: 'Payment.Busy', Cause: 'try later' } },
        // A Return is the task's result as written: for lambda:invoke, the whole Lambda response.
        '2': { Return: { StatusCode: 200, Payload: { charged: true } } },
      },
    },
  };

  it('answers invocations by range and retries through them', async () => {
    const sfn = new Interpreter({ mockConfig: config, startTime: 0 });
    const machine = sfn.createStateMachine(
      { StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'charge' }, Retry: [{ ErrorEquals: ['Payment.Busy'] }], OutputPath: '$.Payload', End: true } } },
      { name: 'Orders' },
    );
    const result = await machine.startExecution({}, { testCase: 'Flaky' }).result;
    expect(result).toEqual({ status: 'SUCCEEDED', output: { charged: true } });
  });

  it('explains unknown machines, test cases and responses', () => {
    expect(() => mocksFromConfigFile(config, 'Nope', 'Flaky')).toThrow(/no state machine 'Nope'.*found: Orders/);
    expect(() => mocksFromConfigFile(config, 'Orders', 'Nope')).toThrow(/no test case 'Nope'.*found: Flaky/);
    expect(() => mocksFromConfigFile({ ...config, MockedResponses: {} }, 'Orders', 'Flaky')).toThrow(/'FailTwiceThenOk', which is not in "MockedResponses"/);
  });
});
