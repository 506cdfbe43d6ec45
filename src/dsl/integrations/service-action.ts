import type { IntegrationPattern } from '../ast/states';
import type { CallbackContextObject, ContextObject } from '../context/context-object';
import {
  evaluatePayload,
  makeIntegration,
  optimizedResource,
  type PayloadArg,
  type ResultSpec,
  type TaskIntegration,
} from './task-integration';

/** An optimized integration `arn:aws:states:::<service>:<action>` and the errors it raises. */
export interface ServiceAction<E extends string> {
  readonly service: string;
  readonly action: string;
  readonly errors: readonly E[];
}

function integrationFor<S, R, E extends string>(spec: ServiceAction<E>, pattern: IntegrationPattern, payload: unknown) {
  const name = `${spec.service}:${spec.action}`;
  return makeIntegration<S, R, E>(
    { integration: name, resource: optimizedResource(spec.service, spec.action, pattern), pattern, errors: spec.errors },
    evaluatePayload(payload as PayloadArg<S, ContextObject, unknown>, `${name} payload`),
  );
}

/** Request-response call: the task completes when the API call returns. */
export function requestResponse<P, R, E extends string>(spec: ServiceAction<E>) {
  return <S>(payload: PayloadArg<S, ContextObject, P>): TaskIntegration<S, R, E> =>
    integrationFor<S, R, E>(spec, 'request-response', payload);
}

/** Run-a-job call (`.sync` / `.sync:2`): the task completes when the job finishes. */
export function runJob<P, R, E extends string>(spec: ServiceAction<E>, pattern: 'sync' | 'sync:2' = 'sync') {
  return <S>(payload: PayloadArg<S, ContextObject, P>): TaskIntegration<S, R, E> => integrationFor<S, R, E>(spec, pattern, payload);
}

/**
 * Wait-for-callback call (`.waitForTaskToken`): the payload callback receives `ctx.Task.Token`
 * and must send it; the result is what the worker passes to `SendTaskSuccess`.
 */
export function waitForCallback<P, E extends string>(spec: ServiceAction<E>) {
  return <S, T = unknown>(
    payload: PayloadArg<S, CallbackContextObject, P>,
    _options?: { returns?: ResultSpec<T> },
  ): TaskIntegration<S, T, E> => integrationFor<S, T, E>(spec, 'waitForTaskToken', payload);
}
