import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  awsSdk, batch, chain, ctx, dynamodb, eq, fail, glue, gt, http, lambda, lambdaFunction, numeric, returns, sns, sqs,
  stepFunctions, workflow, type Chain, type Selector,
} from '../../src/dsl/index';

const Order = z.object({ order: z.object({ id: z.string(), total: z.number(), items: z.array(z.object({ sku: z.string(), qty: z.number() })) }) });
type OrderT = z.output<typeof Order>;
const charge = lambdaFunction<{ orderId: string; amount: number }, { chargeId: string }>()('arn:aws:lambda:us-east-1:123456789012:function:charge', { errors: ['PaymentDeclined'] });
const start = () => workflow('T', { input: Order });
const invokeCharge = lambda.invoke(charge, (s: Selector<OrderT>) => ({ orderId: s.order.id, amount: s.order.total }));

/** The type the next state receives. */
type Next<C> = C extends Chain<any, infer S, any, any, any, any> ? S : never;

describe('typed paths', () => {
  it('types selectors from the zod input', () => {
    start().pass('P', {
      parameters: (s) => {
        expectTypeOf(s.order.total).toMatchTypeOf<Selector<number>>();
        expectTypeOf(s.order.items[0].sku).toMatchTypeOf<Selector<string>>();
        return {};
      },
    });
  });

  it('rejects a typo in a path', () => {
    // @ts-expect-error `totl` is not a member of the order
    start().task('Charge', lambda.invoke(charge, (s) => ({ orderId: s.order.id, amount: s.order.totl })));
    // @ts-expect-error `sku` is read on the array, not on an item
    start().pass('P', { parameters: (s) => ({ sku: s.order.items.sku }) });
  });

  it('checks the payload against the function input', () => {
    // @ts-expect-error amount must be a number
    start().task('Charge', lambda.invoke(charge, (s) => ({ orderId: s.order.id, amount: s.order.id })));
    // @ts-expect-error amount is missing
    start().task('Charge', lambda.invoke(charge, (s) => ({ orderId: s.order.id })));
  });
});

describe('data flow', () => {
  it('merges a task result at resultPath', () => {
    const c = start().task('Charge', invokeCharge, { resultPath: 'charge' });
    expectTypeOf<Next<typeof c>['charge']['Payload']['chargeId']>().toEqualTypeOf<string>();
    expectTypeOf<Next<typeof c>['order']['total']>().toEqualTypeOf<number>();
  });

  it('nests a result at a dotted resultPath', () => {
    const c = start().task('Charge', invokeCharge, { resultPath: 'payment.charge' });
    expectTypeOf<Next<typeof c>['payment']['charge']['StatusCode']>().toEqualTypeOf<number>();
  });

  it('replaces the input by default, keeps it with resultPath: null', () => {
    expectTypeOf<Next<ReturnType<typeof replaced>>['Payload']>().toEqualTypeOf<{ chargeId: string }>();
    expectTypeOf<Next<ReturnType<typeof kept>>>().toEqualTypeOf<OrderT>();
    function replaced() {
      return start().task('Charge', invokeCharge);
    }
    function kept() {
      return start().task('Charge', invokeCharge, { resultPath: null });
    }
  });

  it('applies resultSelector before resultPath, and output alone decides in JSONata', () => {
    const selected = start().task('Charge', invokeCharge, { resultSelector: (r) => ({ id: r.Payload.chargeId }), resultPath: 'charge' });
    expectTypeOf<Next<typeof selected>['charge']>().toEqualTypeOf<{ id: string }>();
    const output = start().task('Charge', invokeCharge, { output: ({ input, result }) => ({ order: input.order.id, charge: result.Payload }) });
    expectTypeOf<Next<typeof output>>().toEqualTypeOf<{ order: string; charge: { chargeId: string } }>();
  });

  it('selects with outputPath', () => {
    const c = start().task('Charge', invokeCharge, { resultPath: 'charge' }).outputPath((s) => s.charge.Payload);
    expectTypeOf<Next<typeof c>>().toEqualTypeOf<{ chargeId: string }>();
  });

  it('types Pass results and parameters', () => {
    expectTypeOf<Next<ReturnType<typeof withResult>>>().toEqualTypeOf<{ readonly n: 1 }>();
    expectTypeOf<Next<ReturnType<typeof withParameters>>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<Next<ReturnType<typeof passThrough>>>().toEqualTypeOf<OrderT>();
    function withResult() {
      return start().pass('P', { result: { n: 1 } });
    }
    function withParameters() {
      return start().pass('P', { parameters: (s) => ({ id: s.order.id }) });
    }
    function passThrough() {
      return start().pass('P');
    }
  });

  it('types Parallel results as a tuple and Map results as an array', () => {
    const p = start().parallel('Both', [(b) => b.pass('A', { result: 'a' }), (b) => b.task('B', invokeCharge)]);
    expectTypeOf<Next<typeof p>>().toEqualTypeOf<['a', { Payload: { chargeId: string }; StatusCode: number; ExecutedVersion: string; SdkHttpMetadata: Record<string, unknown>; SdkResponseMetadata: Record<string, unknown> }]>();
    const m = start().map('Each', {
      items: (s) => s.order.items,
      itemSelector: (item, { input }) => ({ sku: item.sku, orderId: input.order.id }),
      processor: (b) => b.pass('P', { parameters: (s) => ({ line: s.sku, of: s.orderId }) }),
    }, { resultPath: 'lines' });
    expectTypeOf<Next<typeof m>['lines']>().toEqualTypeOf<{ line: string; of: string }[]>();
  });

  it('gives a catch handler the error output, placed by resultPath into the state input', () => {
    start()
      .task('Charge', invokeCharge)
      .catch(['States.ALL'], (b) => b.pass('Handle', { parameters: (s) => ({ id: s.order.id, why: s.error.Cause }) }), { resultPath: 'error' });
    start().task('Charge', invokeCharge).catch(['States.ALL'], (b) => b.pass('Handle', { parameters: (s) => ({ why: s.Error }) }));
  });
});

describe('error names', () => {
  it('accepts States.* names and the resource’s declared errors', () => {
    start().task('Charge', invokeCharge).retry(['Lambda.ServiceException', 'States.Timeout']).catch(['PaymentDeclined'], fail('Declined'));
    start().task('List', awsSdk('s3', 'listObjectsV2', { Bucket: 'b' })).catch(['S3.NoSuchBucketException'], fail('NoBucket'));
  });

  it('rejects errors that cannot occur', () => {
    // @ts-expect-error the function does not declare `CardExpired`
    start().task('Charge', invokeCharge).catch(['CardExpired'], fail('F'));
    // @ts-expect-error not a States.* name
    start().task('Charge', invokeCharge).retry(['States.Tmeout']);
    // @ts-expect-error States.ALL must be alone
    start().task('Charge', invokeCharge).retry(['States.ALL', 'PaymentDeclined']);
  });

  it('allows retry and catch only after Task, Parallel and Map', () => {
    // @ts-expect-error a Pass cannot retry
    start().pass('P').retry(['States.ALL']);
    // @ts-expect-error a Wait cannot catch
    start().wait('W', { seconds: 1 }).catch(['States.ALL'], fail('F'));
    start().parallel('P', [(b) => b.pass('A')]).retry(['States.ALL']);
    start().map('M', { processor: (b) => b.pass('A') }).catch(['States.ALL'], fail('F'));
  });
});

describe('task tokens and integration patterns', () => {
  it('exposes the task token only inside .waitForTaskToken', () => {
    sqs.sendMessage.waitForTaskToken((s: Selector<OrderT>, c) => ({ QueueUrl: 'q', MessageBody: { token: c.Task.Token, id: s.order.id } }));
    // @ts-expect-error no task token in a request-response call
    sqs.sendMessage((_s: Selector<OrderT>, c) => ({ QueueUrl: 'q', MessageBody: { token: c.Task.Token } }));
    // @ts-expect-error no task token on the global context object
    void ctx.Task;
    // @ts-expect-error Map.Item is only given to itemSelector
    void ctx.Map;
  });

  it('declares a callback result type', () => {
    const c = start().task('Approve', sqs.sendMessage.waitForTaskToken((_s, t) => ({ QueueUrl: 'q', MessageBody: t.Task.Token }), { returns: returns<{ approved: boolean }>() }));
    expectTypeOf<Next<typeof c>>().toEqualTypeOf<{ approved: boolean }>();
  });

  it('offers only the patterns each service supports', () => {
    // @ts-expect-error DynamoDB has no .sync
    void dynamodb.getItem.sync;
    // @ts-expect-error DynamoDB has no callback pattern
    void dynamodb.putItem.waitForTaskToken;
    // @ts-expect-error SNS has no .sync
    void sns.publish.sync;
    // @ts-expect-error Glue has no callback pattern
    void glue.startJobRun.waitForTaskToken;
    // @ts-expect-error Batch has no callback pattern
    void batch.submitJob.waitForTaskToken;
    // @ts-expect-error HTTP tasks are request-response only
    void http.invoke.sync;
    // @ts-expect-error SDK integrations have no .sync
    void awsSdk.sync;
    // @ts-expect-error Lambda has no .sync
    void lambda.invoke.sync;
    void stepFunctions.startExecution.sync2;
  });
});

describe('choice', () => {
  it('types comparisons', () => {
    start().choice('C', (c) => c.when((s) => gt(s.order.total, 1000), fail('Big')).otherwise(fail('Small')));
    // @ts-expect-error a number path compared with a string
    start().choice('C', (c) => c.when((s) => gt(s.order.total, '1000'), fail('Big')));
    // @ts-expect-error comparing two paths needs a family (numeric.gt)
    start().choice('C', (c) => c.when((s) => gt(s.order.total, s.order.total), fail('Big')));
    start().choice('C', (c) => c.when((s) => numeric.gt(s.order.total, s.order.total), fail('Big')));
  });

  it('accepts loop targets named earlier and rejects unknown names', () => {
    start().pass('Draw').choice('Again?', (c) => c.when((s) => eq(s.order.id, 'x'), 'Draw').otherwise('Again?'));
    // @ts-expect-error no state named `Drow`
    start().pass('Draw').choice('Again?', (c) => c.when((s) => eq(s.order.id, 'x'), 'Drow'));
  });

  it('checks a fragment target accepts the state input', () => {
    const needsCharge = chain<{ charge: { id: string } }>().succeed('Done');
    // @ts-expect-error the order input has no `charge`
    start().choice('C', (c) => c.when((s) => eq(s.order.id, 'x'), needsCharge));
  });
});

describe('parallel with parameters', () => {
  it('types each branch with the parameters it receives', () => {
    const p = start().parallel('Check', { parameters: (s) => ({ id: s.order.id }) }, [(b) => b.pass('A', { parameters: (s) => ({ got: s.id }) }), (b) => b.pass('B')], {
      resultPath: 'checks',
    });
    expectTypeOf<Next<typeof p>['checks']>().toEqualTypeOf<[{ got: string }, { id: string }]>();
    // @ts-expect-error the branch input is the parameters, which have no `order`
    start().parallel('Check', { parameters: (s) => ({ id: s.order.id }) }, [(b) => b.pass('A', { parameters: (s) => ({ got: s.order }) })]);
  });
});
