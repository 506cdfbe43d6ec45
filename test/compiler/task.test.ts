import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  activity, awsSdk, batch, dynamodb, ecs, eventBridge, glue, http, jsonata, lambda, lambdaFunction, returns,
  runActivity, sns, sqs, stepFunctions, workflow,
} from '../../src/dsl/index';
import { stateOf } from './compile-helpers';

const Input = z.object({ order: z.object({ id: z.string(), total: z.number() }), timeout: z.number(), role: z.string() });
const fn = lambdaFunction<{ id: string }, { ok: boolean }>()('arn:aws:lambda:us-east-1:123456789012:function:f', { errors: ['Boom'] });
const flow = (language?: 'JSONata') => workflow('T', { input: Input, ...(language && { queryLanguage: language }) });

describe('Task state (JSONPath)', () => {
  it('emits lambda:invoke with a payload template, ResultSelector, ResultPath and OutputPath', () => {
    const state = stateOf(
      flow()
        .task('Call', lambda.invoke(fn, (s) => ({ id: s.order.id })), { resultSelector: (r) => ({ ok: r.Payload.ok }), resultPath: 'call' })
        .outputPath((s) => s.call),
    );
    expect(state).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:f', Payload: { 'id.$': '$.order.id' } },
      ResultSelector: { 'ok.$': '$.Payload.ok' },
      ResultPath: '$.call',
      OutputPath: '$.call',
      End: true,
    });
  });

  it('emits InputPath, timeouts as paths, Credentials and Comment', () => {
    const state = stateOf(
      flow().task('Call', lambda.call(fn, (s) => ({ id: s.order.id })), {
        comment: 'calls f',
        inputPath: (s) => s,
        timeoutSeconds: (s) => s.timeout,
        heartbeatSeconds: 10,
        credentials: { roleArn: (s) => s.role },
        resultPath: null,
      }),
    );
    expect(state).toEqual({
      Type: 'Task',
      Comment: 'calls f',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f',
      InputPath: '$',
      Parameters: { 'id.$': '$.order.id' },
      TimeoutSecondsPath: '$.timeout',
      HeartbeatSeconds: 10,
      Credentials: { 'RoleArn.$': '$.role' },
      ResultPath: null,
      End: true,
    });
  });

  it('emits Retry and Catch with every field', () => {
    const state = stateOf(
      flow()
        .task('Call', lambda.invoke(fn, (s) => ({ id: s.order.id })))
        .retry(['Boom', 'Lambda.ServiceException'], { intervalSeconds: 2, maxAttempts: 6, backoffRate: 1.5, maxDelaySeconds: 30, jitter: 'FULL', comment: 'r' })
        .retry(['States.ALL'])
        .catch(['Boom'], (b) => b.pass('Handle'), { resultPath: 'error', assign: ({ error }) => ({ why: error.Cause }), comment: 'c' })
        .catch(['States.ALL'], (b) => b.fail('Failed')),
      'Call',
    );
    expect(state.Retry).toEqual([
      { ErrorEquals: ['Boom', 'Lambda.ServiceException'], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 1.5, MaxDelaySeconds: 30, JitterStrategy: 'FULL', Comment: 'r' },
      { ErrorEquals: ['States.ALL'] },
    ]);
    expect(state.Catch).toEqual([
      { ErrorEquals: ['Boom'], Next: 'Handle', ResultPath: '$.error', Assign: { 'why.$': '$.Cause' }, Comment: 'c' },
      { ErrorEquals: ['States.ALL'], Next: 'Failed' },
    ]);
  });

  it('uses a bare-path payload as InputPath', () => {
    const approve = activity<{ id: string; total: number }, { approved: boolean }>()('arn:aws:states:us-east-1:123456789012:activity:approve');
    expect(stateOf(flow().task('Approve', runActivity(approve, (s) => s.order)))).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:us-east-1:123456789012:activity:approve',
      InputPath: '$.order',
      End: true,
    });
  });
});

describe('Task state (JSONata)', () => {
  it('emits Arguments, Output, Assign and JSONata timeouts', () => {
    const state = stateOf(
      flow('JSONata').task('Call', lambda.invoke(fn, (s) => ({ id: s.order.id })), {
        output: ({ input, result }) => ({ order: input.order, ok: result.Payload.ok }),
        assign: ({ result }) => ({ ok: result.Payload.ok }),
        timeoutSeconds: jsonata<number>`${'x'} = "x" ? 30 : 60`,
        credentials: { roleArn: 'arn:aws:iam::123456789012:role/r' },
      }),
    );
    expect(state).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Arguments: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:f', Payload: { id: '{% $states.input.order.id %}' } },
      TimeoutSeconds: '{% "x" = "x" ? 30 : 60 %}',
      Credentials: { RoleArn: 'arn:aws:iam::123456789012:role/r' },
      Output: { order: '{% $states.input.order %}', ok: '{% $states.result.Payload.ok %}' },
      Assign: { ok: '{% $states.result.Payload.ok %}' },
      End: true,
    });
  });

  it('emits a catcher Output and Assign', () => {
    const state = stateOf(
      flow('JSONata')
        .task('Call', lambda.invoke(fn, (s) => ({ id: s.order.id })))
        .catch(['States.ALL'], (b) => b.pass('Handle'), { output: ({ input, error }) => ({ id: input.order.id, error: error.Error }), assign: ({ error }) => ({ cause: error.Cause }) }),
      'Call',
    );
    expect(state.Catch).toEqual([
      {
        ErrorEquals: ['States.ALL'],
        Next: 'Handle',
        Output: { id: '{% $states.input.order.id %}', error: '{% $states.errorOutput.Error %}' },
        Assign: { cause: '{% $states.errorOutput.Cause %}' },
      },
    ]);
  });
});

describe('integrations', () => {
  it.each([
    ['sns.publish', sns.publish({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', Message: 'hi' }), 'arn:aws:states:::sns:publish'],
    ['sns.publish.waitForTaskToken', sns.publish.waitForTaskToken((_s, c) => ({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', Message: { token: c.Task.Token } })), 'arn:aws:states:::sns:publish.waitForTaskToken'],
    ['sqs.sendMessage', sqs.sendMessage({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', MessageBody: 'x' }), 'arn:aws:states:::sqs:sendMessage'],
    ['dynamodb.getItem', dynamodb.getItem({ TableName: 't', Key: { id: { S: '1' } } }), 'arn:aws:states:::dynamodb:getItem'],
    ['dynamodb.putItem', dynamodb.putItem({ TableName: 't', Item: { id: { S: '1' } } }), 'arn:aws:states:::dynamodb:putItem'],
    ['dynamodb.updateItem', dynamodb.updateItem({ TableName: 't', Key: { id: { S: '1' } }, UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': { N: '1' } } }), 'arn:aws:states:::dynamodb:updateItem'],
    ['dynamodb.deleteItem', dynamodb.deleteItem({ TableName: 't', Key: { id: { S: '1' } } }), 'arn:aws:states:::dynamodb:deleteItem'],
    ['batch.submitJob', batch.submitJob({ JobName: 'j', JobQueue: 'q', JobDefinition: 'd' }), 'arn:aws:states:::batch:submitJob'],
    ['batch.submitJob.sync', batch.submitJob.sync({ JobName: 'j', JobQueue: 'q', JobDefinition: 'd' }), 'arn:aws:states:::batch:submitJob.sync'],
    ['ecs.runTask', ecs.runTask({ TaskDefinition: 'td' }), 'arn:aws:states:::ecs:runTask'],
    ['ecs.runTask.sync', ecs.runTask.sync({ TaskDefinition: 'td' }), 'arn:aws:states:::ecs:runTask.sync'],
    ['ecs.runTask.waitForTaskToken', ecs.runTask.waitForTaskToken((_s, c) => ({ TaskDefinition: 'td', Overrides: { ContainerOverrides: [{ Environment: [{ Name: 'TOKEN', Value: c.Task.Token }] }] } })), 'arn:aws:states:::ecs:runTask.waitForTaskToken'],
    ['glue.startJobRun', glue.startJobRun({ JobName: 'j' }), 'arn:aws:states:::glue:startJobRun'],
    ['glue.startJobRun.sync', glue.startJobRun.sync({ JobName: 'j' }), 'arn:aws:states:::glue:startJobRun.sync'],
    ['stepFunctions.startExecution', stepFunctions.startExecution({ StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:c' }), 'arn:aws:states:::states:startExecution'],
    ['stepFunctions.startExecution.sync', stepFunctions.startExecution.sync({ StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:c' }), 'arn:aws:states:::states:startExecution.sync'],
    ['stepFunctions.startExecution.sync2', stepFunctions.startExecution.sync2({ StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:c' }), 'arn:aws:states:::states:startExecution.sync:2'],
    ['stepFunctions.startExecution.waitForTaskToken', stepFunctions.startExecution.waitForTaskToken((_s, c) => ({ StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:c', Input: { token: c.Task.Token } })), 'arn:aws:states:::states:startExecution.waitForTaskToken'],
    ['eventBridge.putEvents', eventBridge.putEvents({ Entries: [{ Source: 's', DetailType: 'd', Detail: {} }] }), 'arn:aws:states:::events:putEvents'],
    ['eventBridge.putEvents.waitForTaskToken', eventBridge.putEvents.waitForTaskToken((_s, c) => ({ Entries: [{ Source: 's', DetailType: 'd', Detail: { token: c.Task.Token } }] })), 'arn:aws:states:::events:putEvents.waitForTaskToken'],
    ['http.invoke', http.invoke({ ApiEndpoint: 'https://example.com', Method: 'GET', Authentication: { ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/c/1' } }), 'arn:aws:states:::http:invoke'],
    ['awsSdk', awsSdk('s3', 'listObjectsV2', { Bucket: 'b' }, { returns: returns<{ Contents: { Key: string }[] }>() }), 'arn:aws:states:::aws-sdk:s3:listObjectsV2'],
    ['awsSdk.waitForTaskToken', awsSdk.waitForTaskToken('sqs', 'sendMessage', (_s, c) => ({ QueueUrl: 'u', MessageBody: c.Task.Token })), 'arn:aws:states:::aws-sdk:sqs:sendMessage.waitForTaskToken'],
    ['lambda.invoke.waitForTaskToken', lambda.invoke.waitForTaskToken(fn, (s, c) => ({ id: c.Task.Token })), 'arn:aws:states:::lambda:invoke.waitForTaskToken'],
  ] as const)('%s', (_name, integration, resource) => {
    const state = stateOf(flow().task('Call', integration as never));
    expect(state.Resource).toBe(resource);
    expect(state.Parameters).toBeTypeOf('object');
  });

  it('puts the task token in the request of a callback task', () => {
    const state = stateOf(flow().task('Ask', sqs.sendMessage.waitForTaskToken((s, c) => ({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', MessageBody: { token: c.Task.Token, id: s.order.id } }))));
    expect(state.Parameters).toEqual({
      QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q',
      MessageBody: { 'token.$': '$$.Task.Token', 'id.$': '$.order.id' },
    });
  });

  it('puts the task token in JSONata Arguments', () => {
    const state = stateOf(flow('JSONata').task('Ask', sns.publish.waitForTaskToken((_s, c) => ({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', Message: c.Task.Token }))));
    expect(state.Arguments).toEqual({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', Message: '{% $states.context.Task.Token %}' });
  });
});

describe('lambda without a payload', () => {
  it('sends the whole input', () => {
    expect(stateOf(workflow('T', { input: z.object({ id: z.string() }) }).task('Call', lambda.invoke(fn)))).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:f', 'Payload.$': '$' },
      End: true,
    });
    expect(stateOf(workflow('T', { input: z.object({ id: z.string() }) }).task('Call', lambda.call(fn)))).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f',
      End: true,
    });
  });
});
