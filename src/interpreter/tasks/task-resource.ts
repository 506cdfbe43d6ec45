/** How Step Functions calls a Task's resource (decides the history events and the waiting). */
export type TaskResourceKind = 'lambda-function' | 'service' | 'aws-sdk' | 'activity' | 'http';

/** The integration pattern: request-response, run a job (`.sync`, `.sync:2`), or wait for a callback. */
export type IntegrationPattern = 'request-response' | 'sync' | 'sync:2' | 'callback';

export interface TaskResource {
  arn: string;
  kind: TaskResourceKind;
  pattern: IntegrationPattern;
  /** History `resourceType`, e.g. `lambda`, `sqs`, `aws-sdk:dynamodb`. */
  resourceType: string;
  /** History `resource`, e.g. `invoke`, `sendMessage.waitForTaskToken`, `putItem`; the full ARN for Lambda ARNs and activities. */
  resource: string;
  /** `lambda`, `sqs`, `dynamodb`, ...; `undefined` for activities. */
  service: string | undefined;
  /** `invoke`, `sendMessage`, ... without the pattern suffix. */
  api: string | undefined;
}

const LAMBDA_ARN = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:.+$/;
const ACTIVITY_ARN = /^arn:[^:]+:states:[^:]*:[^:]*:activity:.+$/;
const INTEGRATION_ARN = /^arn:[^:]+:states:::(.+)$/;

/**
 * Classifies a Task `Resource`.
 *
 * @example
 * classifyResource('arn:aws:states:::sqs:sendMessage.waitForTaskToken');
 * // { kind: 'service', pattern: 'callback', resourceType: 'sqs', resource: 'sendMessage.waitForTaskToken', ... }
 */
export function classifyResource(arn: string): TaskResource {
  if (LAMBDA_ARN.test(arn)) {
    return { arn, kind: 'lambda-function', pattern: 'request-response', resourceType: 'lambda', resource: arn, service: 'lambda', api: undefined };
  }
  if (ACTIVITY_ARN.test(arn)) {
    return { arn, kind: 'activity', pattern: 'callback', resourceType: 'activity', resource: arn, service: undefined, api: undefined };
  }
  const integration = INTEGRATION_ARN.exec(arn);
  if (!integration) {
    throw new Error(
      `Unsupported Task Resource '${arn}': expected a Lambda function ARN, an activity ARN, or 'arn:aws:states:::<service>:<api>[.sync|.sync:2|.waitForTaskToken]'.`,
    );
  }
  const rest = integration[1];
  const { base, pattern } = splitPattern(rest);
  if (base.startsWith('aws-sdk:')) {
    const parts = base.split(':');
    const service = parts[1];
    const api = parts.slice(2).join(':');
    const resourceType = `aws-sdk:${service}`;
    return { arn, kind: 'aws-sdk', pattern, resourceType, resource: rest.slice(resourceType.length + 1), service, api };
  }
  const colon = base.indexOf(':');
  const service = colon < 0 ? base : base.slice(0, colon);
  const api = colon < 0 ? '' : base.slice(colon + 1);
  return {
    arn,
    kind: service === 'http' ? 'http' : 'service',
    pattern,
    resourceType: service,
    resource: rest.slice(service.length + 1),
    service,
    api,
  };
}

function splitPattern(text: string): { base: string; pattern: IntegrationPattern } {
  if (text.endsWith('.waitForTaskToken')) return { base: text.slice(0, -'.waitForTaskToken'.length), pattern: 'callback' };
  if (text.endsWith('.sync:2')) return { base: text.slice(0, -'.sync:2'.length), pattern: 'sync:2' };
  if (text.endsWith('.sync')) return { base: text.slice(0, -'.sync'.length), pattern: 'sync' };
  return { base: text, pattern: 'request-response' };
}
