import { type IntegrationPattern, parseTaskResource, patternSuffix, shortIntegrationArn } from '../../asl/task-resource';

/** How the interpreter calls a Task's resource (decides the history events and the waiting). */
export type TaskTargetKind = 'lambda-function' | 'service' | 'aws-sdk' | 'activity' | 'http';

/** A Task `Resource` as the interpreter calls it: the shared parse plus the names its history events carry. */
export interface TaskTarget {
  arn: string;
  /**
   * The ARN without region and account for a service integration written with them
   * (`arn:aws:states:us-east-1:123456789012:lambda:invoke` → `arn:aws:states:::lambda:invoke`),
   * so mocks keyed by the usual form answer it; otherwise `arn`.
   */
  shortArn: string;
  kind: TaskTargetKind;
  /** An activity waits for its worker like a callback waits for its token: `waitForTaskToken`. */
  pattern: IntegrationPattern;
  /** History `resourceType`, e.g. `lambda`, `sqs`, `aws-sdk:dynamodb`. */
  resourceType: string;
  /** History `resource`, e.g. `invoke`, `sendMessage.waitForTaskToken`, `putItem`; the full ARN for Lambda ARNs and activities. */
  resource: string;
  /** `lambda`, `sqs`, `dynamodb`, ...; `undefined` for activities. */
  service: string | undefined;
  /** `invoke`, `sendMessage`, ... without the pattern suffix; `undefined` for Lambda ARNs and activities. */
  api: string | undefined;
}

/**
 * What a Task calls, from its `Resource` (parsed by `parseTaskResource` in `src/asl`).
 * Throws for a resource Step Functions does not know (the validator rejects those before a run).
 *
 * @example
 * taskTarget('arn:aws:states:::sqs:sendMessage.waitForTaskToken');
 * // { kind: 'service', pattern: 'waitForTaskToken', resourceType: 'sqs', resource: 'sendMessage.waitForTaskToken', ... }
 */
export function taskTarget(arn: string): TaskTarget {
  const parsed = parseTaskResource(arn);
  const shortArn = shortIntegrationArn(parsed) ?? arn;
  switch (parsed.kind) {
    case 'lambda-function':
      return { arn, shortArn, kind: 'lambda-function', pattern: 'request-response', resourceType: 'lambda', resource: arn, service: 'lambda', api: undefined };
    case 'activity':
      return { arn, shortArn, kind: 'activity', pattern: 'waitForTaskToken', resourceType: 'activity', resource: arn, service: undefined, api: undefined };
    case 'aws-sdk': {
      const { service, action, pattern } = parsed;
      return { arn, shortArn, kind: 'aws-sdk', pattern, resourceType: `aws-sdk:${service}`, resource: `${action}${patternSuffix(pattern)}`, service, api: action };
    }
    case 'optimized': {
      const { service, api, pattern } = parsed;
      return { arn, shortArn, kind: service === 'http' ? 'http' : 'service', pattern, resourceType: service, resource: `${api}${patternSuffix(pattern)}`, service, api };
    }
    case 'unknown':
      throw new Error(
        `Unsupported Task Resource '${arn}' (${parsed.reason}): expected a Lambda function ARN, an activity ARN, or 'arn:aws:states:::<service>:<api>[.sync|.sync:2|.waitForTaskToken]'.`,
      );
  }
}
