import { parseArn } from './arn';
import type { IntegrationPattern } from './integration-rule';

/** What a Task's `Resource` names. */
export type TaskResource =
  | { kind: 'lambda-function'; arn: string }
  | { kind: 'activity'; arn: string }
  | { kind: 'optimized'; service: string; api: string; pattern: IntegrationPattern; partition: string }
  | { kind: 'aws-sdk'; service: string; action: string; pattern: IntegrationPattern; partition: string }
  | { kind: 'unknown'; resource: string; reason: string };

const PATTERNS: Readonly<Record<string, IntegrationPattern>> = {
  '': 'request-response',
  sync: 'sync',
  'sync:2': 'sync:2',
  waitForTaskToken: 'waitForTaskToken',
};

/**
 * Classifies a Task `Resource`: a Lambda function ARN (legacy form), an activity ARN, an optimized
 * integration `arn:<p>:states:::<service>:<api>[.<pattern>]`, an AWS SDK integration
 * `arn:<p>:states:::aws-sdk:<service>:<action>[.<pattern>]`, or unknown.
 */
export function parseTaskResource(resource: string): TaskResource {
  const arn = parseArn(resource);
  if (!arn) return { kind: 'unknown', resource, reason: 'it is not an ARN' };
  if (arn.service === 'lambda' && arn.resource.startsWith('function:')) return { kind: 'lambda-function', arn: resource };
  if (arn.service !== 'states') return { kind: 'unknown', resource, reason: `'${arn.service}' ARNs are not Task resources` };
  if (arn.resource.startsWith('activity:')) return { kind: 'activity', arn: resource };
  if (arn.region !== '' || arn.account !== '') {
    return { kind: 'unknown', resource, reason: 'it is neither an activity nor a service integration' };
  }
  const [service, ...rest] = arn.resource.split(':');
  const call = splitPattern(rest.join(':'));
  if (!call) return { kind: 'unknown', resource, reason: 'its integration pattern suffix is not one of .sync, .sync:2, .waitForTaskToken' };
  if (service === 'aws-sdk') {
    const separator = call.api.indexOf(':');
    if (separator <= 0) return { kind: 'unknown', resource, reason: 'an aws-sdk resource needs <service>:<action>' };
    return {
      kind: 'aws-sdk',
      service: call.api.slice(0, separator),
      action: call.api.slice(separator + 1),
      pattern: call.pattern,
      partition: arn.partition,
    };
  }
  if (!service || !call.api) return { kind: 'unknown', resource, reason: 'it names no service API' };
  return { kind: 'optimized', service, api: call.api, pattern: call.pattern, partition: arn.partition };
}

function splitPattern(call: string): { api: string; pattern: IntegrationPattern } | undefined {
  const dot = call.indexOf('.');
  const api = dot < 0 ? call : call.slice(0, dot);
  const suffix = dot < 0 ? '' : call.slice(dot + 1);
  const pattern = Object.hasOwn(PATTERNS, suffix) ? PATTERNS[suffix] : undefined;
  return pattern ? { api, pattern } : undefined;
}
