import { z } from 'zod';
import { expectTypeOf } from 'vitest';
import { workflow, lambda, lambdaFunction, fail, chain, gt, eq, sqs, States } from '../../src/dsl/index';

const Order = z.object({ order: z.object({ id: z.string(), total: z.number(), items: z.array(z.object({ sku: z.string(), qty: z.number() })) }) });
type OrderT = z.output<typeof Order>;
const chargeFn = lambdaFunction<{ orderId: string; amount: number }, { chargeId: string }>()('arn:aws:lambda:us-east-1:123456789012:function:charge', { errors: ['PaymentDeclined'] });

const review = chain<OrderT & { charge: any }>().pass('Review').succeed('Reviewed');
const ship = chain<OrderT>().pass('Ship').succeed('Shipped');

const wf = workflow('OrderFlow', { input: Order })
  .task('Charge', lambda.invoke(chargeFn, s => ({ orderId: s.order.id, amount: s.order.total })), { resultPath: 'charge' })
  .retry(['Lambda.ServiceException'], { maxAttempts: 6, backoffRate: 2, jitter: 'FULL' })
  .catch(['PaymentDeclined'], fail('Declined', { error: 'PaymentDeclined' }))
  .choice('Big order?', c => c.when(s => gt(s.order.total, 1000), review).otherwise(ship));

const t1 = workflow('X', { input: Order })
  .task('Charge', lambda.invoke(chargeFn, s => ({ orderId: s.order.id, amount: s.order.total })), { resultPath: 'charge' });
type T1 = typeof t1 extends import('../../src/dsl/index').Chain<any, infer S, any, any, any> ? S : never;
expectTypeOf<T1['charge']['Payload']['chargeId']>().toEqualTypeOf<string>();

// @ts-expect-error typo
workflow('X', { input: Order }).task('Charge', lambda.invoke(chargeFn, s => ({ orderId: s.order.id, amount: s.order.totl })));
workflow('X', { input: Order }).task('Charge', lambda.invoke(chargeFn, s => ({ orderId: s.order.id, amount: s.order.total })))
  // @ts-expect-error error that cannot occur
  .catch(['Nope'], fail('F'));
workflow('X', { input: Order }).pass('P')
  // @ts-expect-error pass cannot retry
  .retry(['States.ALL']);
// @ts-expect-error task token outside waitForTaskToken
sqs.sendMessage((s, ctx) => ({ QueueUrl: 'q', MessageBody: { t: ctx.Task.Token } }));
sqs.sendMessage.waitForTaskToken((s, ctx) => ({ QueueUrl: 'q', MessageBody: { t: ctx.Task.Token } }));

const m = workflow('M', { input: Order }).map('Each', {
  items: s => s.order.items,
  itemSelector: (item, { input }) => ({ sku: item.sku, orderId: input.order.id }),
  processor: b => b.pass('P', { parameters: s => ({ x: s.sku, o: s.orderId }) }),
}, { resultPath: 'results' });
type M = typeof m extends import('../../src/dsl/index').Chain<any, infer S, any, any, any> ? S : never;
expectTypeOf<M['results']>().toEqualTypeOf<{ x: string; o: string }[]>();

const p = workflow('P', { input: Order }).parallel('Both', [b => b.pass('A', { result: 1 as const }), b => b.pass('B', { parameters: s => ({ id: s.order.id }) })]);
type P = typeof p extends import('../../src/dsl/index').Chain<any, infer S, any, any, any> ? S : never;
expectTypeOf<P>().toEqualTypeOf<[1, { id: string }]>();
const f = workflow('F', { input: Order }).pass('G', { parameters: s => ({ t: States.Format('x {}', s.order.id) }) });
type F = typeof f extends import('../../src/dsl/index').Chain<any, infer S, any, any, any> ? S : never;
expectTypeOf<F>().toEqualTypeOf<{ t: string }>();
const loop = workflow('L', { input: Order }).pass('Start').pass('Again').choice('Loop?', c => c.when(s => eq(s.order.id, 'x'), 'Start').otherwise('Again'));
// @ts-expect-error unknown state name
workflow('L', { input: Order }).pass('Start').choice('Loop?', c => c.when(s => eq(s.order.id, 'x'), 'Strat'));
void wf; void loop;
