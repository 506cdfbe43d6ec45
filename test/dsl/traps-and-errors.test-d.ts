import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { chain, fail, lambda, lambdaFunction, workflow, type Chain, type Selector } from '../../src/dsl/index';

const Order = z.object({ order: z.object({ id: z.string(), total: z.number() }) });
type OrderT = z.output<typeof Order>;
const charge = lambdaFunction<{ orderId: string }, { chargeId: string }>()('arn:aws:lambda:us-east-1:123456789012:function:charge');
const start = () => workflow('T', { input: Order });
const invokeCharge = lambda.invoke(charge, (s: Selector<OrderT>) => ({ orderId: s.order.id }));
type Next<C> = C extends Chain<any, infer S, any, any, any, any> ? S : never;

describe('readable trap errors', () => {
  it('makes a misplaced .retry/.catch expect a sentence naming the fix', () => {
    expectTypeOf(start().pass('P').retry).parameter(0).toEqualTypeOf<'Pass states cannot retry: remove .retry(...) (only Task, Parallel and Map states can)'>();
    expectTypeOf(start().wait('W', { seconds: 1 }).catch).parameter(0).toEqualTypeOf<'Wait states cannot catch: remove .catch(...) (only Task, Parallel and Map states can)'>();
    expectTypeOf(start().retry).parameter(0).toEqualTypeOf<'.retry(...) needs a Task, Parallel or Map state before it'>();
    // @ts-expect-error Pass states cannot retry: remove .retry(...)
    start().pass('P').retry(['States.ALL']);
    // @ts-expect-error Wait states cannot catch: remove .catch(...)
    start().wait('W', { seconds: 1 }).catch(['States.ALL'], fail('F'));
  });

  it('names the missing resultPath when a catch handler expects the state input', () => {
    const handler = chain<OrderT>().pass('Handle', { parameters: (s) => ({ id: s.order.id }) }).succeed('Handled');
    // @ts-expect-error Without resultPath a catch handler receives only the error output { Error, Cause }: add { resultPath: "error" } ...
    start().task('Charge', invokeCharge).catch(['States.ALL'], handler);
    // valid: with resultPath the handler receives the input with the error placed in it
    const withError = chain<OrderT & { error: { Error: string; Cause: string } }>().pass('Handle', { parameters: (s) => ({ id: s.order.id, why: s.error.Cause }) }).succeed('Handled');
    start().task('Charge', invokeCharge).catch(['States.ALL'], withError, { resultPath: 'error' });
    start().task('Charge', invokeCharge).catch(['States.ALL'], handler, { resultPath: null });
    // @ts-expect-error the handler wants `error.Cause`, but resultPath puts the error under `failure`
    start().task('Charge', invokeCharge).catch(['States.ALL'], withError, { resultPath: 'failure' });
    // inline handlers are typed from what they receive
    start().task('Charge', invokeCharge).catch(['States.ALL'], (b) => b.pass('Why', { parameters: (s) => ({ why: s.Cause }) }));
  });
});

describe('Lambda runtime errors', () => {
  it("lets a catch name a Node.js function's generic errors without declaring them", () => {
    start().task('Charge', invokeCharge).catch(['Error', 'TypeError'], fail('Crashed')).retry(['Runtime.ImportModuleError', 'Lambda.ServiceException']);
    start().task('Charge', lambda.call(charge, (s: Selector<OrderT>) => ({ orderId: s.order.id }))).catch(['RangeError'], fail('Crashed'));
    // @ts-expect-error still only names the function can raise: `CardExpired` is not declared
    start().task('Charge', invokeCharge).catch(['CardExpired'], fail('F'));
  });
});

describe('Parallel results as tuples', () => {
  it('types s[0] as the first branch’s output and s[1] as the second’s', () => {
    const p = start().parallel('Both', [(b) => b.pass('A', { result: { a: 1 } }), (b) => b.task('B', invokeCharge)]);
    p.pass('Next', {
      parameters: (s) => {
        expectTypeOf(s[0].a).toEqualTypeOf<Selector<1>>();
        expectTypeOf(s[1].Payload.chargeId).toEqualTypeOf<Selector<string>>();
        // @ts-expect-error the first branch's output has no Payload
        void s[0].Payload;
        // @ts-expect-error two branches: no third result
        void s[2];
        return { a: s[0].a, charge: s[1].Payload.chargeId };
      },
    });
    expectTypeOf<Next<typeof p>[0]>().toEqualTypeOf<{ readonly a: 1 }>();
  });

  it('keeps arrays (Map results) indexed by number', () => {
    start().map('Each', { items: () => [1, 2], processor: (b) => b.pass('P', { result: 'x' }) }).pass('First', {
      parameters: (s) => {
        expectTypeOf(s[5]).toEqualTypeOf<Selector<'x'>>();
        return { first: s[0] };
      },
    });
  });
});
