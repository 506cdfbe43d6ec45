import type { CallbackContextObject, ContextObject } from '../context/context-object';
import {
  evaluatePayload,
  makeIntegration,
  type PayloadArg,
  type ResultSpec,
  type TaskIntegration,
} from './task-integration';

/** Errors an SDK integration raises: `<Service>.<ExceptionName>` (e.g. `S3.NoSuchKeyException`). */
export type AwsSdkError<Service extends string> = `${Capitalize<Service>}.${string}` | `${Uppercase<Service>}.${string}`;

function sdkTask<S, R, Service extends string>(
  service: Service,
  action: string,
  payload: unknown,
  pattern: 'request-response' | 'waitForTaskToken',
): TaskIntegration<S, R, AwsSdkError<Service>> {
  const suffix = pattern === 'waitForTaskToken' ? '.waitForTaskToken' : '';
  return makeIntegration(
    { integration: `aws-sdk:${service}:${action}`, resource: `arn:aws:states:::aws-sdk:${service}:${action}${suffix}`, pattern, errors: [] },
    payload === undefined ? undefined : evaluatePayload(payload as PayloadArg<S, ContextObject, unknown>, `aws-sdk:${service}:${action} payload`),
  );
}

function call<Service extends string, S, R = unknown>(
  service: Service,
  action: string,
  payload?: PayloadArg<S, ContextObject, Record<string, unknown>>,
  _options?: { returns?: ResultSpec<R> },
): TaskIntegration<S, R, AwsSdkError<Service>> {
  return sdkTask<S, R, Service>(service, action, payload, 'request-response');
}

function callWaitForTaskToken<Service extends string, S, R = unknown>(
  service: Service,
  action: string,
  payload: PayloadArg<S, CallbackContextObject, Record<string, unknown>>,
  _options?: { returns?: ResultSpec<R> },
): TaskIntegration<S, R, AwsSdkError<Service>> {
  return sdkTask<S, R, Service>(service, action, payload, 'waitForTaskToken');
}

/**
 * Any AWS API through `arn:aws:states:::aws-sdk:<service>:<action>` (request-response or
 * `.waitForTaskToken`; `.sync` does not exist for SDK integrations). Parameters are PascalCase as
 * in the API reference; declare the result with `{ returns: returns<T>() }`.
 *
 * @example
 * .task('List', awsSdk('s3', 'listObjectsV2', { Bucket: 'my-bucket' }, { returns: returns<{ Contents: { Key: string }[] }>() }))
 */
export const awsSdk = Object.assign(call, { waitForTaskToken: callWaitForTaskToken });
