import type { ContextObject } from '../context/context-object';
import { evaluatePayload, makeIntegration, type PayloadArg, type TaskIntegration } from './task-integration';

declare const ACTIVITY_TYPES: unique symbol;

/** An activity: work done by your own workers polling `GetActivityTask` (Standard workflows only). */
export interface Activity<In, Out, E extends string> {
  readonly arn: string;
  readonly errors: readonly E[];
  readonly [ACTIVITY_TYPES]?: { input: In; output: Out };
}

/**
 * Declares an activity with its input/output types and the errors its workers report.
 *
 * @example
 * const approve = activity<{ orderId: string }, { approved: boolean }>()('arn:aws:states:eu-west-1:123456789012:activity:approve');
 * .task('Approve', runActivity(approve, s => ({ orderId: s.order.id })), { heartbeatSeconds: 60 })
 */
export function activity<In, Out>() {
  return <const E extends string = never>(arn: string, options?: { errors?: readonly E[] }): Activity<In, Out, E> =>
    Object.freeze({ arn, errors: Object.freeze([...(options?.errors ?? [])]) }) as Activity<In, Out, E>;
}

/** A Task that hands `payload` to the activity's workers; the result is what a worker returns. */
export function runActivity<In, Out, E extends string, S>(
  definition: Activity<In, Out, E>,
  payload?: PayloadArg<S, ContextObject, In>,
): TaskIntegration<S, Out, E, In> {
  return makeIntegration(
    { integration: 'activity', resource: definition.arn, pattern: 'request-response', errors: definition.errors },
    payload === undefined ? undefined : evaluatePayload(payload as PayloadArg<S, ContextObject, unknown>, 'activity payload'),
  );
}
