import { describe, expect, it } from 'vitest';
import { isRunJob, parseTaskResource, patternSuffix } from '../../src/asl';
import { shortIntegrationArn } from '../../src/asl/task-resource';

describe('parseTaskResource', () => {
  it('parses a Lambda function ARN, with and without a qualifier', () => {
    expect(parseTaskResource('arn:aws:lambda:us-east-1:123456789012:function:charge')).toEqual({
      kind: 'lambda-function',
      arn: 'arn:aws:lambda:us-east-1:123456789012:function:charge',
      functionName: 'charge',
      partition: 'aws',
      region: 'us-east-1',
      account: '123456789012',
    });
    expect(parseTaskResource('arn:aws:lambda:us-east-1:123456789012:function:charge:live')).toMatchObject({ functionName: 'charge', qualifier: 'live' });
  });

  it('parses an activity ARN', () => {
    expect(parseTaskResource('arn:aws-cn:states:cn-north-1:123456789012:activity:approve')).toEqual({
      kind: 'activity',
      arn: 'arn:aws-cn:states:cn-north-1:123456789012:activity:approve',
      name: 'approve',
      partition: 'aws-cn',
      region: 'cn-north-1',
      account: '123456789012',
    });
  });

  it('parses optimized integrations with every pattern', () => {
    const cases = [
      ['arn:aws:states:::sqs:sendMessage', 'sqs', 'sendMessage', 'request-response'],
      ['arn:aws:states:::batch:submitJob.sync', 'batch', 'submitJob', 'sync'],
      ['arn:aws:states:::states:startExecution.sync:2', 'states', 'startExecution', 'sync:2'],
      ['arn:aws:states:::sns:publish.waitForTaskToken', 'sns', 'publish', 'waitForTaskToken'],
    ] as const;
    for (const [arn, service, api, pattern] of cases) {
      expect(parseTaskResource(arn)).toEqual({ kind: 'optimized', arn, service, api, pattern, partition: 'aws', region: '', account: '' });
      expect(`arn:aws:states:::${service}:${api}${patternSuffix(pattern)}`).toBe(arn);
    }
  });

  it('parses AWS SDK integrations (the .sync check is the validator’s, not the parser’s)', () => {
    expect(parseTaskResource('arn:aws:states:::aws-sdk:s3:listObjectsV2')).toEqual({
      kind: 'aws-sdk',
      arn: 'arn:aws:states:::aws-sdk:s3:listObjectsV2',
      service: 's3',
      action: 'listObjectsV2',
      pattern: 'request-response',
      partition: 'aws',
      region: '',
      account: '',
    });
    expect(parseTaskResource('arn:aws:states:::aws-sdk:s3:getObject.sync')).toMatchObject({ kind: 'aws-sdk', pattern: 'sync' });
  });

  it('says why a resource names nothing Step Functions knows', () => {
    const cases: [string, string][] = [
      ['my-function', 'not an ARN'],
      ['arn:nope:states:::sqs:sendMessage', "'nope' is not an AWS partition"],
      ['arn:aws:s3:::bucket', "'s3' ARNs are not Task resources"],
      ['arn:aws:lambda:us-east-1:123456789012:layer:x', 'function:<name>'],
      ['arn:aws:states:us-east-1:123456789012:activity:a:b', 'activity:<name>'],
      // A region without an account (or a malformed one) is neither form of an integration ARN.
      ['arn:aws:states:us-east-1::sqs:sendMessage', 'a valid region and 12-digit account'],
      ['arn:aws:states:us-east-1:1234:aws-sdk:s3:getObject', 'a valid region and 12-digit account'],
      ['arn:aws:states:::aws-sdk:s3', 'needs <service>:<action>'],
      ['arn:aws:states:::sqs', 'names no service API'],
      ['arn:aws:states:::lambda:invoke.later', 'integration pattern suffix'],
      ['arn:aws:states:::sqs:send-message', "'send-message' is not an API name"],
    ];
    for (const [resource, reason] of cases) {
      const parsed = parseTaskResource(resource);
      expect(parsed, resource).toMatchObject({ kind: 'unknown', resource });
      expect(parsed.kind === 'unknown' && parsed.reason, resource).toContain(reason);
    }
  });

  it('accepts service integrations written with region and account (console exports, SAM templates)', () => {
    expect(parseTaskResource('arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject')).toEqual({
      kind: 'aws-sdk',
      arn: 'arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject',
      service: 's3',
      action: 'getObject',
      pattern: 'request-response',
      partition: 'aws',
      region: 'us-east-1',
      account: '123456789012',
    });
    const lambda = parseTaskResource('arn:aws-us-gov:states:us-gov-west-1:123456789012:lambda:invoke.waitForTaskToken');
    expect(lambda).toMatchObject({ kind: 'optimized', service: 'lambda', api: 'invoke', pattern: 'waitForTaskToken', region: 'us-gov-west-1' });
    expect(shortIntegrationArn(lambda)).toBe('arn:aws-us-gov:states:::lambda:invoke.waitForTaskToken');
    expect(shortIntegrationArn(parseTaskResource('arn:aws:states:::sqs:sendMessage'))).toBe('arn:aws:states:::sqs:sendMessage');
  });

  it('tells the run-a-job patterns apart', () => {
    expect([isRunJob('sync'), isRunJob('sync:2'), isRunJob('waitForTaskToken'), isRunJob('request-response')]).toEqual([true, true, false, false]);
  });
});
