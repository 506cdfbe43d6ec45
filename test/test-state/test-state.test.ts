import { describe, expect, it } from 'vitest';
import { call, rejection } from './helpers';

const PASS_IO = {
  Type: 'Pass',
  InputPath: '$.data',
  Parameters: { 'value.$': '$.v', fixed: 1 },
  ResultPath: '$.out',
  End: true,
};

const LAMBDA_TASK = {
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: 'f', 'Payload.$': '$' },
  ResultSelector: { 'code.$': '$.StatusCode' },
  ResultPath: '$.call',
  Retry: [
    { ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 2 },
    { ErrorEquals: ['States.Timeout'], MaxAttempts: 0 },
  ],
  Catch: [
    { ErrorEquals: ['Custom.Error'], ResultPath: '$.failure', Next: 'HandleCustom' },
    { ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'HandleAll' },
  ],
  Next: 'Done',
};

describe('inspection levels', () => {
  it('INFO answers status, output and next state only', async () => {
    const answer = await call({ definition: PASS_IO, input: { data: { v: 'x' } }, inspectionLevel: 'INFO' });
    expect(answer).toEqual({ status: 'SUCCEEDED', output: { data: { v: 'x' }, out: { value: 'x', fixed: 1 } } });
  });

  it('INFO is the default', async () => {
    const answer = await call({ definition: PASS_IO, input: { data: { v: 'x' } } });
    expect(answer.inspectionData).toBeUndefined();
  });

  it('DEBUG shows each data-flow step of a JSONPath state', async () => {
    const answer = await call({ definition: PASS_IO, input: { data: { v: 'x' } }, inspectionLevel: 'DEBUG' });
    expect(answer.inspectionData).toEqual({
      input: { data: { v: 'x' } },
      afterInputPath: { v: 'x' },
      afterParameters: { value: 'x', fixed: 1 },
      afterResultSelector: { value: 'x', fixed: 1 },
      afterResultPath: { data: { v: 'x' }, out: { value: 'x', fixed: 1 } },
    });
  });

  it('DEBUG of a Task shows the (mocked) result and the ResultSelector step', async () => {
    const answer = await call({ definition: LAMBDA_TASK, input: { n: 1 }, inspectionLevel: 'DEBUG', mock: { result: { StatusCode: 200, Payload: { ok: true } } } });
    expect(answer.status).toBe('SUCCEEDED');
    expect(answer.nextState).toBe('Done');
    expect(answer.inspectionData).toEqual({
      input: { n: 1 },
      afterInputPath: { n: 1 },
      afterParameters: { FunctionName: 'f', Payload: { n: 1 } },
      result: { StatusCode: 200, Payload: { ok: true } },
      afterResultSelector: { code: 200 },
      afterResultPath: { n: 1, call: { code: 200 } },
    });
  });

  it('JSONata shows a Task\'s Arguments and result, and variables', async () => {
    const answer = await call({
      definition: {
        Type: 'Task',
        QueryLanguage: 'JSONata',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: { FunctionName: 'f', Payload: '{% $states.input.n + $base %}' },
        Output: '{% $states.result.Payload %}',
        Assign: { last: '{% $states.result.Payload %}' },
        End: true,
      },
      input: { n: 2 },
      variables: { base: 40 },
      inspectionLevel: 'DEBUG',
      mock: { result: { StatusCode: 200, Payload: 42 } },
    });
    expect(answer.output).toBe(42);
    expect(answer.inspectionData).toEqual({
      input: { n: 2 },
      afterArguments: { FunctionName: 'f', Payload: 42 },
      result: { StatusCode: 200, Payload: 42 },
      variables: { base: 40, last: 42 },
    });
  });

  it('TRACE adds the HTTP request and response of an HTTP Task', async () => {
    const answer = await call({
      definition: {
        Type: 'Task',
        Resource: 'arn:aws:states:::http:invoke',
        Parameters: {
          ApiEndpoint: 'https://api.example.com/orders',
          Method: 'POST',
          Authentication: { ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/c/1' },
          QueryParameters: { page: '2' },
          RequestBody: { id: 7 },
        },
        End: true,
      },
      inspectionLevel: 'TRACE',
      mock: { result: { StatusCode: 201, StatusText: 'Created', Headers: { a: 'b' }, ResponseBody: { ok: true } } },
    });
    expect(answer.inspectionData?.request).toEqual({
      protocol: 'https',
      method: 'POST',
      url: 'https://api.example.com/orders?page=2',
      body: '{"id":7}',
    });
    expect(answer.inspectionData?.response).toEqual({ protocol: 'https', statusCode: '201', statusMessage: 'Created', headers: '{"a":"b"}', body: '{"ok":true}' });
  });

  it('TRACE shows no HTTP exchange for other Tasks, and DEBUG none for HTTP Tasks', async () => {
    const lambda = await call({ definition: LAMBDA_TASK, inspectionLevel: 'TRACE', mock: { result: { StatusCode: 200, Payload: null } } });
    expect(lambda.inspectionData?.request).toBeUndefined();
  });
});

describe('statuses', () => {
  it('SUCCEEDED with the Choice rule that matched as nextState', async () => {
    const answer = await call({
      definition: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 0, Next: 'Positive' }], Default: 'Other' },
      input: { n: 3 },
    });
    expect(answer).toEqual({ status: 'SUCCEEDED', output: { n: 3 }, nextState: 'Positive' });
  });

  it('FAILED for a Fail state, with its error and cause', async () => {
    const answer = await call({ definition: { Type: 'Fail', Error: 'Oops', Cause: 'because' }, input: {} });
    expect(answer).toEqual({ status: 'FAILED', error: 'Oops', cause: 'because' });
  });

  it('FAILED when no retrier or catcher handles the mocked error', async () => {
    const answer = await call({
      definition: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, End: true },
      mock: { errorOutput: { error: 'Boom', cause: 'it broke' } },
    });
    expect(answer).toEqual({ status: 'FAILED', error: 'Boom', cause: 'it broke' });
  });

  it('RETRIABLE when a retrier has attempts left: its index and backoff', async () => {
    const answer = await call({ definition: LAMBDA_TASK, inspectionLevel: 'DEBUG', mock: { errorOutput: { error: 'Lambda.TooManyRequestsException', cause: 'slow' } } });
    expect(answer.status).toBe('RETRIABLE');
    expect(answer.error).toBe('Lambda.TooManyRequestsException');
    expect(answer.output).toBeUndefined();
    expect(answer.nextState).toBeUndefined();
    expect(answer.inspectionData?.errorDetails).toEqual({ retryIndex: 0, retryBackoffIntervalSeconds: 2 });
  });

  it('CAUGHT_ERROR: the first matching catcher\'s output and Next', async () => {
    const answer = await call({ definition: LAMBDA_TASK, input: { n: 1 }, inspectionLevel: 'DEBUG', mock: { errorOutput: { error: 'Custom.Error', cause: 'c' } } });
    expect(answer.status).toBe('CAUGHT_ERROR');
    expect(answer.nextState).toBe('HandleCustom');
    expect(answer.output).toEqual({ n: 1, failure: { Error: 'Custom.Error', Cause: 'c' } });
    expect(answer.inspectionData?.errorDetails).toEqual({ catchIndex: 0 });
  });

  it('a retrier with MaxAttempts 0 never retries: the catchers decide', async () => {
    const answer = await call({ definition: LAMBDA_TASK, input: {}, mock: { errorOutput: { error: 'States.Timeout', cause: '' } } });
    expect(answer.status).toBe('CAUGHT_ERROR');
    expect(answer.nextState).toBe('HandleAll');
  });
});

describe('stateConfiguration', () => {
  it('retrierRetryCount: the backoff grows with the retries already made', async () => {
    const answer = await call({
      definition: LAMBDA_TASK,
      inspectionLevel: 'DEBUG',
      stateConfiguration: { retrierRetryCount: 1 },
      mock: { errorOutput: { error: 'Lambda.TooManyRequestsException', cause: 'slow' } },
    });
    expect(answer.status).toBe('RETRIABLE');
    expect(answer.inspectionData?.errorDetails).toEqual({ retryIndex: 0, retryBackoffIntervalSeconds: 6 });
  });

  it('retrierRetryCount: an exhausted retrier hands the error to the catchers', async () => {
    const answer = await call({
      definition: LAMBDA_TASK,
      input: {},
      stateConfiguration: { retrierRetryCount: 2 },
      mock: { errorOutput: { error: 'Lambda.TooManyRequestsException', cause: 'slow' } },
    });
    expect(answer.status).toBe('CAUGHT_ERROR');
    expect(answer.nextState).toBe('HandleAll');
  });

  it('retrierRetryCount is $$.State.RetryCount', async () => {
    const answer = await call({
      definition: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, ResultSelector: { 'retries.$': '$$.State.RetryCount' }, End: true },
      stateConfiguration: { retrierRetryCount: 2 },
      mock: { result: { StatusCode: 200 } },
    });
    expect(answer.output).toEqual({ retries: 2 });
  });

  const MAP = {
    Type: 'Map',
    ItemsPath: '$.items',
    ItemSelector: { 'item.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' },
    MaxConcurrency: 2,
    ToleratedFailureCount: 1,
    ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, End: true } } },
    Catch: [{ ErrorEquals: ['States.ExceedToleratedFailureThreshold'], Next: 'TooMany' }],
    End: true,
  };

  it('mapIterationFailureCount within the tolerance: the mock is the Map result', async () => {
    const answer = await call({ definition: MAP, input: { items: ['a', 'b', 'c'] }, inspectionLevel: 'DEBUG', stateConfiguration: { mapIterationFailureCount: 1 }, mock: { result: [1, 2, 3] } });
    expect(answer.status).toBe('SUCCEEDED');
    expect(answer.output).toEqual([1, 2, 3]);
    expect(answer.inspectionData).toEqual({
      input: { items: ['a', 'b', 'c'] },
      afterInputPath: { items: ['a', 'b', 'c'] },
      afterItemsPath: ['a', 'b', 'c'],
      afterItemSelector: [
        { item: 'a', index: 0 },
        { item: 'b', index: 1 },
        { item: 'c', index: 2 },
      ],
      afterResultSelector: [1, 2, 3],
      afterResultPath: [1, 2, 3],
      maxConcurrency: 2,
      toleratedFailureCount: 1,
    });
  });

  it('mapIterationFailureCount over the tolerance: States.ExceedToleratedFailureThreshold (caught here)', async () => {
    const answer = await call({ definition: MAP, input: { items: ['a', 'b', 'c'] }, stateConfiguration: { mapIterationFailureCount: 2 }, mock: { result: [1, 2, 3] } });
    expect(answer.status).toBe('CAUGHT_ERROR');
    expect(answer.error).toBe('States.ExceedToleratedFailureThreshold');
    expect(answer.cause).toBe('The specified tolerated failure threshold was exceeded');
    expect(answer.nextState).toBe('TooMany');
  });

  it('mapIterationFailureCount above the number of iterations is rejected (recorded message)', async () => {
    const error = await rejection({ definition: MAP, input: { items: ['a'] }, stateConfiguration: { mapIterationFailureCount: 2 }, mock: { result: [1] } });
    expect(error).toEqual({ name: 'ValidationException', message: 'Map iteration failure count must be less than or equal to the number of Map iterations' });
  });

  it('errorCausedByState: the Map fails with the mocked error of that inner state', async () => {
    const answer = await call({
      definition: { ...MAP, Catch: undefined },
      input: { items: [1] },
      stateConfiguration: { errorCausedByState: 'Work' },
      mock: { errorOutput: { error: 'Inner.Failure', cause: 'inner' } },
    });
    expect(answer).toEqual({ status: 'FAILED', error: 'Inner.Failure', cause: 'inner' });
  });

  it('errorCausedByState must name a state inside the Map', async () => {
    const error = await rejection({ definition: MAP, input: { items: [1] }, stateConfiguration: { errorCausedByState: 'Nope' }, mock: { errorOutput: { error: 'E', cause: 'c' } } });
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain("'Nope'");
  });

  it('mapItemReaderData: the ItemReader reads it as it would the S3 object (CSV here)', async () => {
    const answer = await call({
      definition: {
        Type: 'Map',
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }, Parameters: { Bucket: 'b', Key: 'k.csv' } },
        ItemSelector: { 'name.$': '$$.Map.Item.Value.name' },
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
        End: true,
      },
      input: {},
      inspectionLevel: 'DEBUG',
      stateConfiguration: { mapItemReaderData: 'id,name\n1,ann\n2,bob\n' },
      mock: { result: ['ok', 'ok'] },
    });
    expect(answer.status).toBe('SUCCEEDED');
    expect(answer.inspectionData?.afterItemSelector).toEqual([{ name: 'ann' }, { name: 'bob' }]);
  });
});

describe('states in a machine, context and variables', () => {
  const MACHINE = {
    StartAt: 'First',
    States: {
      First: { Type: 'Pass', Next: 'Fan' },
      Fan: {
        Type: 'Parallel',
        Branches: [{ StartAt: 'Inner', States: { Inner: { Type: 'Pass', Result: { deep: true }, End: true } } }],
        Next: 'Last',
      },
      Last: { Type: 'Succeed' },
    },
  };

  it('stateName tests one state of a machine and names its Next', async () => {
    expect(await call({ definition: MACHINE, stateName: 'First', input: { a: 1 } })).toEqual({ status: 'SUCCEEDED', output: { a: 1 }, nextState: 'Fan' });
  });

  it('stateName finds states inside Parallel branches', async () => {
    expect(await call({ definition: MACHINE, stateName: 'Inner', input: { a: 1 } })).toEqual({ status: 'SUCCEEDED', output: { deep: true } });
  });

  it('a Parallel takes a mock with one result per branch', async () => {
    expect(await call({ definition: MACHINE, stateName: 'Fan', mock: { result: [{ b: 1 }] } })).toEqual({ status: 'SUCCEEDED', output: [{ b: 1 }], nextState: 'Last' });
  });

  it('context replaces the whole context object', async () => {
    const context = { Execution: { Id: 'arn:x', Input: { original: true } }, State: { Name: 'Mine' } };
    const answer = await call({ definition: { Type: 'Pass', Parameters: { 'ctx.$': '$$' }, End: true }, context });
    expect(answer.output).toEqual({ ctx: context });
  });

  it('without context, $$ is a made-up Express execution of the input, the state named StateName', async () => {
    const answer = await call({ definition: { Type: 'Pass', Parameters: { 'ctx.$': '$$' }, End: true }, input: { a: 1 }, roleArn: 'arn:aws:iam::123456789012:role/r' });
    const ctx = (answer.output as { ctx: Record<string, Record<string, unknown>> }).ctx;
    expect(ctx.Execution.Input).toEqual({ a: 1 });
    expect(ctx.Execution.RoleArn).toBe('arn:aws:iam::123456789012:role/r');
    expect(ctx.Execution.Id).toMatch(/^arn:aws:states:us-east-1:123456789012:express:/);
    expect(ctx.Execution.StartTime).toBe('2025-01-15T10:30:00.000Z');
    expect(ctx.State).toEqual({ Name: 'StateName', EnteredTime: '2025-01-15T10:30:00.000Z' });
  });

  it('variables are visible to the state and shown with what it assigns', async () => {
    const answer = await call({
      definition: { Type: 'Pass', Parameters: { 'v.$': '$greeting' }, Assign: { 'seen.$': '$.v' }, End: true },
      variables: { greeting: 'hi' },
      inspectionLevel: 'DEBUG',
    });
    expect(answer.output).toEqual({ v: 'hi' });
    expect(answer.inspectionData?.variables).toEqual({ greeting: 'hi', seen: 'hi' });
  });

  it('a Wait state returns at once on the virtual clock', async () => {
    expect(await call({ definition: { Type: 'Wait', Seconds: 86400, Next: 'After' }, input: { a: 1 } })).toEqual({ status: 'SUCCEEDED', output: { a: 1 }, nextState: 'After' });
  });
});

describe("the README's TestState example", () => {
  it('answers as the README says', async () => {
    const answer = await call({
      definition: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'charge', 'Payload.$': '$' },
        Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 3 }],
        Next: 'Ship',
      },
      input: { order: 7 },
      mock: { errorOutput: { error: 'Lambda.TooManyRequestsException', cause: 'slow down' } },
      stateConfiguration: { retrierRetryCount: 1 },
      inspectionLevel: 'DEBUG',
    });
    expect(answer.status).toBe('RETRIABLE');
    expect(answer.inspectionData?.errorDetails).toEqual({ retryIndex: 0, retryBackoffIntervalSeconds: 2 });
  });
});
