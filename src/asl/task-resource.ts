/**
 * The one parser of a Task `Resource` (reference §7.1), shared by the validator (which adds its
 * checks on top), the interpreter (history names, how to wait) and IAM (which permissions).
 */

/** How Step Functions waits for an integration: the resource ARN's suffix (none, `.sync`, `.sync:2`, `.waitForTaskToken`). */
export type IntegrationPattern = 'request-response' | 'sync' | 'sync:2' | 'waitForTaskToken';

/** What a Task `Resource` names, or why it names nothing Step Functions knows. */
export type TaskResource =
  | { kind: 'lambda-function'; arn: string; functionName: string; qualifier?: string; partition: string; region: string; account: string }
  | { kind: 'activity'; arn: string; name: string; partition: string; region: string; account: string }
  | { kind: 'optimized'; arn: string; service: string; api: string; pattern: IntegrationPattern; partition: string; region: string; account: string }
  | { kind: 'aws-sdk'; arn: string; service: string; action: string; pattern: IntegrationPattern; partition: string; region: string; account: string }
  | { kind: 'unknown'; resource: string; reason: string };

const ARN = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/;
const PARTITION = /^(aws|aws-cn|aws-us-gov|aws-iso(?:-[a-z])?)$/;
const LAMBDA_FUNCTION = /^function:([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?$/;
const API_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;
const SUFFIX_PATTERNS: Readonly<Record<string, IntegrationPattern>> = {
  '': 'request-response',
  sync: 'sync',
  'sync:2': 'sync:2',
  waitForTaskToken: 'waitForTaskToken',
};

/**
 * Parses a Task `Resource`: a Lambda function ARN (legacy form), an activity ARN, an optimized
 * integration `arn:<p>:states:::<service>:<api>[.<pattern>]`, an AWS SDK integration
 * `arn:<p>:states:::aws-sdk:<service>:<action>[.<pattern>]`, or `unknown` with the reason.
 * Which APIs and patterns a service supports is not checked here (the validator and IAM do that).
 *
 * @example
 * parseTaskResource('arn:aws:states:::sqs:sendMessage.waitForTaskToken');
 * // { kind: 'optimized', arn: '…', service: 'sqs', api: 'sendMessage', pattern: 'waitForTaskToken', partition: 'aws' }
 */
export function parseTaskResource(resource: string): TaskResource {
  const unknown = (reason: string): TaskResource => ({ kind: 'unknown', resource, reason });
  const match = ARN.exec(resource);
  if (!match) return unknown('it is not an ARN');
  const [, partition, service, region, account, rest] = match;
  if (!PARTITION.test(partition)) return unknown(`'${partition}' is not an AWS partition`);
  if (service === 'lambda') {
    const fn = LAMBDA_FUNCTION.exec(rest);
    if (!fn) return unknown('a Lambda function ARN ends in function:<name>[:<qualifier>]');
    return { kind: 'lambda-function', arn: resource, functionName: fn[1], ...(fn[2] ? { qualifier: fn[2] } : {}), partition, region, account };
  }
  if (service !== 'states') return unknown(`'${service}' ARNs are not Task resources`);
  const parts = rest.split(':');
  if (parts[0] === 'activity') {
    if (parts.length !== 2 || !parts[1]) return unknown('an activity ARN ends in activity:<name>');
    return { kind: 'activity', arn: resource, name: parts[1], partition, region, account };
  }
  // Console exports and SAM/CloudFormation templates write integrations with the region and
  // account (`arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject`); AWS runs them as the
  // short form. Either both are empty or both are well formed.
  if ((region !== '' || account !== '') && !(REGION.test(region) && ACCOUNT.test(account))) {
    return unknown('a service integration ARN has no region and account (arn:<partition>:states:::<service>:<api>), or a valid region and 12-digit account');
  }
  if (parts[0] === 'aws-sdk') {
    if (parts.length < 3 || !parts[1]) return unknown('an aws-sdk resource needs <service>:<action>');
    const call = splitPattern(parts.slice(2).join(':'));
    if (typeof call === 'string') return unknown(call);
    return { kind: 'aws-sdk', arn: resource, service: parts[1], action: call.api, pattern: call.pattern, partition, region, account };
  }
  if (parts.length < 2 || !parts[0]) return unknown('it names no service API');
  const call = splitPattern(parts.slice(1).join(':'));
  if (typeof call === 'string') return unknown(call);
  return { kind: 'optimized', arn: resource, service: parts[0], api: call.api, pattern: call.pattern, partition, region, account };
}

/**
 * The short form of a service integration ARN (`arn:aws:states:us-east-1:123456789012:lambda:invoke`
 * → `arn:aws:states:::lambda:invoke`), which mocks and policies key on; other resources unchanged.
 */
export function shortIntegrationArn(resource: TaskResource): string | undefined {
  if (resource.kind !== 'optimized' && resource.kind !== 'aws-sdk') return resource.kind === 'unknown' ? undefined : resource.arn;
  if (resource.region === '' && resource.account === '') return resource.arn;
  return resource.arn.replace(/^(arn:[^:]+:states):[^:]*:[^:]*:/, '$1:::');
}

/** `.sync` and `.sync:2` both run a job to completion (they differ only in the output's form). */
export function isRunJob(pattern: IntegrationPattern): boolean {
  return pattern === 'sync' || pattern === 'sync:2';
}

/** The ARN suffix of a pattern: `''`, `.sync`, `.sync:2` or `.waitForTaskToken`. */
export function patternSuffix(pattern: IntegrationPattern): string {
  return pattern === 'request-response' ? '' : `.${pattern}`;
}

/** `sendMessage.waitForTaskToken` → the API and its pattern, or why it is neither. */
function splitPattern(call: string): { api: string; pattern: IntegrationPattern } | string {
  const dot = call.indexOf('.');
  const api = dot < 0 ? call : call.slice(0, dot);
  const suffix = dot < 0 ? '' : call.slice(dot + 1);
  const pattern = Object.hasOwn(SUFFIX_PATTERNS, suffix) ? SUFFIX_PATTERNS[suffix] : undefined;
  if (!pattern) return 'its integration pattern suffix is not one of .sync, .sync:2, .waitForTaskToken';
  if (!API_NAME.test(api)) return `'${api}' is not an API name`;
  return { api, pattern };
}
