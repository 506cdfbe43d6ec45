import { describe, expect, it } from 'vitest';
import { testState } from '../../src/test-state';
import { call, rejection } from './helpers';

// Shapes come from AWS's service models (src/test-state/shapes, generated from botocore).
const START_EXECUTION = {
  Type: 'Task',
  Resource: 'arn:aws:states:::states:startExecution',
  Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m' },
  End: true,
};
const GET_OBJECT = { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:getObject', Parameters: { Bucket: 'b', Key: 'k' }, End: true };
const GET_FUNCTION = { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:lambda:getFunction', Parameters: { FunctionName: 'f' }, End: true };

const schemaError = (message: string) => ({ name: 'ValidationException', message: `Mock result schema validation error: ${message}` });

describe('fieldValidationMode STRICT (the default)', () => {
  it('accepts a result with the required fields, of the right types', async () => {
    const answer = await call({ definition: START_EXECUTION, mock: { result: { ExecutionArn: 'arn:x', StartDate: '2025-01-01T00:00:00Z' } } });
    expect(answer.status).toBe('SUCCEEDED');
  });

  it('requires the required fields, spelled as Step Functions spells them', async () => {
    expect(await rejection({ definition: START_EXECUTION, mock: { result: { executionArn: 'arn:x', startDate: 'd' } } })).toEqual(
      schemaError("Required field 'ExecutionArn' is missing"),
    );
  });

  it('checks types: timestamps are strings', async () => {
    expect(await rejection({ definition: START_EXECUTION, mock: { result: { ExecutionArn: 'arn:x', StartDate: 1764103483 } } })).toEqual(
      schemaError("Field 'StartDate' must be a string"),
    );
  });
});

describe('fieldValidationMode PRESENT', () => {
  it('accepts a result missing required fields', async () => {
    const answer = await call({ definition: START_EXECUTION, mock: { result: {}, fieldValidationMode: 'PRESENT' } });
    expect(answer).toEqual({ status: 'SUCCEEDED', output: {} });
  });

  it('accepts fields the API does not know (forward compatibility)', async () => {
    const answer = await call({ definition: GET_OBJECT, mock: { result: { Brand: 'new', ContentLength: 3 }, fieldValidationMode: 'PRESENT' } });
    expect(answer.status).toBe('SUCCEEDED');
  });

  it('rejects a value outside the enum', async () => {
    expect(await rejection({ definition: GET_OBJECT, mock: { result: { StorageClass: 'Papyrus' }, fieldValidationMode: 'PRESENT' } })).toEqual(
      schemaError("Field 'StorageClass' is not an expected value"),
    );
  });

  it('rejects a number below the minimum, deep in the result', async () => {
    expect(await rejection({ definition: GET_FUNCTION, mock: { result: { Configuration: { MemorySize: 127 } }, fieldValidationMode: 'PRESENT' } })).toEqual(
      schemaError("Field 'MemorySize' is less than the minimum value"),
    );
  });

  it('rejects a wrong type in a list item', async () => {
    const putEvents = { Type: 'Task', Resource: 'arn:aws:states:::events:putEvents', Parameters: { Entries: [] }, End: true };
    expect(await rejection({ definition: putEvents, mock: { result: { Entries: [{ EventId: 'a' }, { EventId: ['b'] }] }, fieldValidationMode: 'PRESENT' } })).toEqual(
      schemaError("Field 'EventId' must be a string"),
    );
    expect(await rejection({ definition: putEvents, mock: { result: { Entries: 'x' }, fieldValidationMode: 'PRESENT' } })).toEqual(schemaError("Field 'Entries' must be an array"));
  });

  it('an aws-sdk blob must be a string; an optimized Lambda Payload may be any JSON', async () => {
    const encrypt = { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:kms:encrypt', Parameters: { KeyId: 'k', Plaintext: 'p' }, End: true };
    expect(await rejection({ definition: encrypt, mock: { result: { CiphertextBlob: 123 }, fieldValidationMode: 'PRESENT' } })).toEqual(
      schemaError("Field 'CiphertextBlob' must be a string"),
    );
    const invoke = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, End: true };
    expect((await call({ definition: invoke, mock: { result: { StatusCode: 200, Payload: { any: ['json'] } } } })).status).toBe('SUCCEEDED');
    expect(await rejection({ definition: invoke, mock: { result: { StatusCode: '200' } } })).toEqual(schemaError("Field 'StatusCode' must be a number"));
  });
});

describe('fieldValidationMode NONE', () => {
  it('accepts any result', async () => {
    const answer = await call({ definition: START_EXECUTION, mock: { result: { ExecutionArn: 1, StartDate: true }, fieldValidationMode: 'NONE' } });
    expect(answer).toEqual({ status: 'SUCCEEDED', output: { ExecutionArn: 1, StartDate: true } });
  });

  it('still rejects a result that is not JSON', async () => {
    const request = { definition: JSON.stringify(START_EXECUTION), mock: { result: '{not json', fieldValidationMode: 'NONE' as const } };
    await expect(testState(request)).rejects.toMatchObject({ name: 'ValidationException', message: 'Mocked result must be valid JSON' });
  });
});

describe('recorded request errors', () => {
  const LAMBDA = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, End: true };

  it('a mock with both result and errorOutput', async () => {
    expect(await rejection({ definition: LAMBDA, mock: { result: {}, errorOutput: { error: 'E', cause: 'C' } } })).toEqual({
      name: 'ValidationException',
      message: 'A test mock should have only one of the following fields: [result, errorOutput].',
    });
  });

  it.each(['Pass', 'Succeed', 'Fail'])('a mock on a %s state', async (type) => {
    const definition = type === 'Pass' ? { Type: 'Pass', End: true } : { Type: type };
    expect(await rejection({ definition, mock: { result: {} } })).toEqual({ name: 'ValidationException', message: `State type '${type}' is not supported when a mock is specified` });
  });

  it('a Map or Parallel without a mock', async () => {
    const parallel = { Type: 'Parallel', Branches: [{ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }], End: true };
    expect(await rejection({ definition: parallel })).toEqual({
      name: 'InvalidDefinition',
      message: 'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]',
    });
  });

  it("a Parallel mock that is not an array, or not one item per branch", async () => {
    const parallel = { Type: 'Parallel', Branches: ['B1', 'B2'].map((b) => ({ StartAt: b, States: { [b]: { Type: 'Pass', End: true } } })), End: true };
    expect(await rejection({ definition: parallel, mock: { result: {} } })).toEqual({ name: 'ValidationException', message: 'Mocked result must be an array.' });
    expect(await rejection({ definition: parallel, mock: { result: [1] } })).toEqual({
      name: 'ValidationException',
      message: 'Mocked result must contain the same number of items as number of Parallel branches.',
    });
  });

  it('a Task without a mock needs a role', async () => {
    expect(await rejection({ definition: LAMBDA })).toEqual({ name: 'ValidationException', message: 'RoleArn must be specified when testing a Task state' });
  });

  it('a whole machine with an invalid state', async () => {
    const error = await rejection({ definition: { StartAt: 'S', States: { S: { Type: 'Nope', End: true } } }, stateName: 'S' });
    expect(error.name).toBe('InvalidDefinition');
    expect(error.message).toMatch(/^Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The field 'Type' should have one of these values: .* at \/States\/S\/Type'$/);
  });
});
