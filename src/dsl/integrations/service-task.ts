import { parseTaskResource } from '../../asl/task-resource';
import type { CallbackContextObject } from '../context/context-object';
import type { Selector } from '../paths/selector';
import type { Expr } from '../values/expr';
import { evaluatePayload, makeIntegration, type PayloadArg, type ResultSpec, type TaskIntegration } from './task-integration';

/**
 * A Task on any `Resource` ARN, written as is: for what no typed builder expresses (a service
 * outside the integration catalogue, a region-qualified integration ARN, a call without
 * `Parameters`). The pattern comes from the ARN's suffix. Prefer the typed builders
 * (`lambda.invoke`, `sns.publish`, `optimized(...)`, `awsSdk(...)`); the importer uses this only
 * where none of them compiles back to the same definition.
 *
 * @example
 * .task('Start', serviceTask('arn:aws:states:us-east-1:123456789012:states:startExecution.sync:2', {
 *   StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child',
 * }))
 */
export function serviceTask<S, R = unknown>(
  resource: string,
  payload?: ((s: Selector<S>, ctx: Selector<CallbackContextObject>) => unknown) | Record<string, unknown> | Expr<unknown>,
  _options?: { returns?: ResultSpec<R> },
): TaskIntegration<S, R, string> {
  const parsed = parseTaskResource(resource);
  const pattern = parsed.kind === 'optimized' || parsed.kind === 'aws-sdk' ? parsed.pattern : 'request-response';
  const integration = parsed.kind === 'optimized' ? `${parsed.service}:${parsed.api}` : parsed.kind === 'aws-sdk' ? `aws-sdk:${parsed.service}:${parsed.action}` : parsed.kind === 'unknown' ? 'resource' : parsed.kind === 'activity' ? 'activity' : 'lambda function';
  return makeIntegration(
    { integration, resource, pattern, errors: [] },
    payload === undefined ? undefined : evaluatePayload(payload as PayloadArg<unknown, CallbackContextObject, unknown>, `${integration} payload`),
  );
}
