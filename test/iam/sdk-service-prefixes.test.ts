import { describe, expect, it } from 'vitest';
import { KNOWN_IAM_PREFIXES, SDK_SERVICE_PREFIXES, iamPrefixForSdkService } from '../../src/iam';
import { iamActionsForSdkAction } from '../../src/iam/sdk-action-names';

describe('SDK service → IAM prefix', () => {
  it('maps the known pitfalls correctly', () => {
    expect({
      sfn: iamPrefixForSdkService('sfn'),
      cloudwatchlogs: iamPrefixForSdkService('cloudwatchlogs'),
      eventbridge: iamPrefixForSdkService('eventbridge'),
      emr: iamPrefixForSdkService('emr'),
      acmpca: iamPrefixForSdkService('acmpca'),
      mwaa: iamPrefixForSdkService('mwaa'),
      elasticloadbalancingv2: iamPrefixForSdkService('elasticloadbalancingv2'),
      bedrockagent: iamPrefixForSdkService('bedrockagent'),
      mediapackagevod: iamPrefixForSdkService('mediapackagevod'),
    }).toEqual({
      sfn: 'states',
      cloudwatchlogs: 'logs',
      eventbridge: 'events',
      emr: 'elasticmapreduce',
      acmpca: 'acm-pca',
      mwaa: 'airflow',
      elasticloadbalancingv2: 'elasticloadbalancing',
      bedrockagent: 'bedrock',
      mediapackagevod: 'mediapackage-vod',
    });
  });

  it('keeps the common services as they are', () => {
    for (const service of ['s3', 'dynamodb', 'lambda', 'sqs', 'sns', 'ec2', 'ecs', 'kms', 'secretsmanager', 'ssm', 'athena', 'glue', 'sagemaker']) {
      expect(iamPrefixForSdkService(service)).toBe(service);
    }
  });

  it('does not guess unknown services or inherited object keys', () => {
    expect(iamPrefixForSdkService('nosuchservice')).toBeUndefined();
    expect(iamPrefixForSdkService('constructor')).toBeUndefined();
    expect(iamPrefixForSdkService('toString')).toBeUndefined();
  });

  it('every mapped prefix is a lower-case IAM prefix in the known list', () => {
    for (const [service, prefix] of Object.entries(SDK_SERVICE_PREFIXES)) {
      expect(prefix, service).toMatch(/^[a-z0-9-]+$/);
      expect(KNOWN_IAM_PREFIXES.has(prefix)).toBe(true);
    }
  });
});

describe('SDK action → IAM action', () => {
  it('PascalCases the API name', () => {
    expect(iamActionsForSdkAction('ec2', 'describeInstances')).toEqual(['DescribeInstances']);
  });
  it('knows the APIs whose IAM action has another name', () => {
    expect(iamActionsForSdkAction('s3', 'listObjectsV2')).toEqual(['ListBucket']);
    expect(iamActionsForSdkAction('s3', 'headObject')).toEqual(['GetObject']);
    expect(iamActionsForSdkAction('s3', 'copyObject')).toEqual(['GetObject', 'PutObject']);
    expect(iamActionsForSdkAction('lambda', 'invoke')).toEqual(['InvokeFunction']);
    expect(iamActionsForSdkAction('sqs', 'sendMessageBatch')).toEqual(['SendMessage']);
  });
});
