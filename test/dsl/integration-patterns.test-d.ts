/**
 * The DSL offers exactly the patterns the catalogue lists, derived at type level: for every
 * (service, action) of `INTEGRATIONS`, `.sync` / `.sync2` / `.waitForTaskToken` exist on the builder
 * iff the catalogue lists `sync` / `sync:2` / `waitForTaskToken`.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { IntegrationActionName, IntegrationService, PatternsOf } from '../../src/asl/integrations/catalogue';
import { athenaQuery, batch, dynamodb, ecs, eventBridge, glue, http, optimized, sns, sqs, stepFunctions } from './integration-patterns-fixtures';

type Call<S extends IntegrationService, A extends IntegrationActionName<S>> = ReturnType<typeof optimized<S, A>>;
type Offers<C, K extends string> = K extends keyof C ? true : false;
type Lists<S extends IntegrationService, A extends IntegrationActionName<S>, P extends string> = P extends PatternsOf<S, A> ? true : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** `service:action` of every entry whose builder disagrees with the catalogue (should be none). */
type Mismatches = {
  [S in IntegrationService]: {
    [A in IntegrationActionName<S>]: Same<Offers<Call<S, A>, 'sync'>, Lists<S, A, 'sync'>> extends true
      ? Same<Offers<Call<S, A>, 'sync2'>, Lists<S, A, 'sync:2'>> extends true
        ? Same<Offers<Call<S, A>, 'waitForTaskToken'>, Lists<S, A, 'waitForTaskToken'>> extends true
          ? never
          : `${S}:${A}`
        : `${S}:${A}`
      : `${S}:${A}`;
  }[IntegrationActionName<S>];
}[IntegrationService];

describe('patterns per integration come from the catalogue', () => {
  it('no catalogue entry disagrees with its builder', () => {
    expectTypeOf<Mismatches>().toEqualTypeOf<never>();
  });

  it('typed builders offer the catalogue patterns and nothing else', () => {
    expectTypeOf(glue.startJobRun).toHaveProperty('sync');
    // @ts-expect-error Glue has no callback pattern (the catalogue lists request-response and .sync)
    void glue.startJobRun.waitForTaskToken;
    expectTypeOf(batch.submitJob).toHaveProperty('sync');
    // @ts-expect-error Batch has no callback pattern
    void batch.submitJob.waitForTaskToken;
    expectTypeOf(ecs.runTask).toHaveProperty('sync');
    expectTypeOf(ecs.runTask).toHaveProperty('waitForTaskToken');
    expectTypeOf(stepFunctions.startExecution).toHaveProperty('sync2');
    expectTypeOf(sns.publish).toHaveProperty('waitForTaskToken');
    // @ts-expect-error SNS publish does not run a job
    void sns.publish.sync;
    expectTypeOf(sqs.sendMessage).toHaveProperty('waitForTaskToken');
    expectTypeOf(eventBridge.putEvents).toHaveProperty('waitForTaskToken');
    // @ts-expect-error DynamoDB is request-response only
    void dynamodb.getItem.waitForTaskToken;
    // @ts-expect-error HTTPS endpoints are request-response only
    void http.invoke.sync;
    expectTypeOf(athenaQuery).toHaveProperty('sync');
    // @ts-expect-error Athena has no callback pattern
    void athenaQuery.waitForTaskToken;
  });

  it('error names of a typed builder stay typed', () => {
    // @ts-expect-error an unknown service is not in the catalogue
    optimized('nosuchservice', 'x');
    // @ts-expect-error an unknown action of a known service
    optimized('athena', 'dropTable');
  });
});
