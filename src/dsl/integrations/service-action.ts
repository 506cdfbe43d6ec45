import {
  integrationAction,
  integrationService,
  type IntegrationActionName,
  type IntegrationService,
  type PatternsOf,
} from '../../asl/integrations/catalogue';
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

function integrationFor<S, R, E extends string, P>(spec: ServiceAction<E>, pattern: IntegrationPattern, payload: unknown) {
  const name = `${spec.service}:${spec.action}`;
  return makeIntegration<S, R, E, P>(
    { integration: name, resource: optimizedResource(spec.service, spec.action, pattern), pattern, errors: spec.errors },
    evaluatePayload(payload as PayloadArg<S, ContextObject, unknown>, `${name} payload`),
  );
}

/** Request-response call: the task completes when the API call returns. */
export function requestResponse<P, R, E extends string>(spec: ServiceAction<E>) {
  return <S>(payload: PayloadArg<S, ContextObject, P>): TaskIntegration<S, R, E, P> =>
    integrationFor<S, R, E, P>(spec, 'request-response', payload);
}

/** Run-a-job call (`.sync` / `.sync:2`): the task completes when the job finishes. */
export function runJob<P, R, E extends string>(spec: ServiceAction<E>, pattern: 'sync' | 'sync:2' = 'sync') {
  return <S>(payload: PayloadArg<S, ContextObject, P>): TaskIntegration<S, R, E, P> => integrationFor<S, R, E, P>(spec, pattern, payload);
}

/**
 * Wait-for-callback call (`.waitForTaskToken`): the payload callback receives `ctx.Task.Token`
 * and must send it; the result is what the worker passes to `SendTaskSuccess`.
 */
export function waitForCallback<P, E extends string>(spec: ServiceAction<E>) {
  return <S, T = unknown>(
    payload: PayloadArg<S, CallbackContextObject, P>,
    _options?: { returns?: ResultSpec<T> },
  ): TaskIntegration<S, T, E, P> => integrationFor<S, T, E, P>(spec, 'waitForTaskToken', payload);
}

type RequestResponseCall<P, R, E extends string> = <S>(payload: PayloadArg<S, ContextObject, P>) => TaskIntegration<S, R, E, P>;
type RunJobCall<P, R, E extends string> = <S>(payload: PayloadArg<S, ContextObject, P>) => TaskIntegration<S, R, E, P>;
type CallbackCall<P, E extends string> = <S, T = unknown>(
  payload: PayloadArg<S, CallbackContextObject, P>,
  options?: { returns?: ResultSpec<T> },
) => TaskIntegration<S, T, E, P>;

/**
 * The variants an action offers, derived from the catalogue's patterns: `.sync` only where it lists
 * `sync`, `.sync2` only for `sync:2`, `.waitForTaskToken` only for `waitForTaskToken`.
 */
export type PatternVariants<Patterns, P, E extends string, SyncR, Sync2R> = ('sync' extends Patterns ? { readonly sync: RunJobCall<P, SyncR, E> } : unknown) &
  ('sync:2' extends Patterns ? { readonly sync2: RunJobCall<P, Sync2R, E> } : unknown) &
  ('waitForTaskToken' extends Patterns ? { readonly waitForTaskToken: CallbackCall<P, E> } : unknown);

/** A builder for one catalogue action: the request-response call plus the variants the catalogue lists. */
export type CatalogueCall<Svc extends IntegrationService, Act extends IntegrationActionName<Svc>, P, R, E extends string, SyncR, Sync2R> =
  RequestResponseCall<P, R, E> & PatternVariants<PatternsOf<Svc, Act>, P, E, SyncR, Sync2R>;

/**
 * Builds the DSL call for an optimized integration from the one catalogue
 * (`asl/integrations/catalogue.ts`): which variants exist (at type level and at run time) and the
 * error names the service raises. Curried so the payload/result types can be given explicitly.
 *
 * @example
 * const startJobRun = catalogueCall('glue', 'startJobRun')<GlueStartJobRunParams, { JobRunId: string }, GlueError, GlueJobRun>();
 * startJobRun.sync({ JobName: 'nightly' }); // ok: the catalogue lists `sync`
 * // startJobRun.waitForTaskToken — a type error: Glue has no callback pattern
 */
export function catalogueCall<const Svc extends IntegrationService, const Act extends IntegrationActionName<Svc>>(service: Svc, action: Act) {
  return <P, R, E extends string, SyncR = R, Sync2R = SyncR>(): CatalogueCall<Svc, Act, P, R, E, SyncR, Sync2R> => {
    const entry = integrationAction(service, action);
    if (!entry) throw new Error(`${service}:${action} is not in the integration catalogue`);
    const spec: ServiceAction<E> = { service, action, errors: integrationService(service)!.errors as readonly E[] };
    const patterns: readonly IntegrationPattern[] = entry.patterns;
    const variants: Record<string, unknown> = {};
    if (patterns.includes('sync')) variants.sync = runJob<P, SyncR, E>(spec, 'sync');
    if (patterns.includes('sync:2')) variants.sync2 = runJob<P, Sync2R, E>(spec, 'sync:2');
    if (patterns.includes('waitForTaskToken')) variants.waitForTaskToken = waitForCallback<P, E>(spec);
    return Object.freeze(Object.assign(requestResponse<P, R, E>(spec), variants)) as CatalogueCall<Svc, Act, P, R, E, SyncR, Sync2R>;
  };
}
