import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileWorkflow } from '../../src/compiler/index';
import { chain, fail, gt, jsonata, lambda, lambdaFunction, States, variable, workflow } from '../../src/dsl/index';
import { runExecution, taskFailure } from '../../src/interpreter/index';

// Compiled workflows run in the interpreter (which reads only ASL): the data the DSL's types
// promise is the data the states really get.
const Order = z.object({ order: z.object({ id: z.string(), total: z.number(), items: z.array(z.object({ sku: z.string(), qty: z.number() })) }) });
type OrderState = z.output<typeof Order>;
const charge = lambdaFunction<{ orderId: string; amount: number }, { chargeId: string }>()('arn:aws:lambda:us-east-1:123456789012:function:charge', { errors: ['PaymentDeclined'] });
const input: OrderState = { order: { id: 'o-1', total: 1500, items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 2 }] } };

function orderFlow(language?: 'JSONata') {
  const chargeId = variable<string>('chargeId');
  const big = chain<OrderState & { charge: { Payload: { chargeId: string } } }>().pass('Big', {
    parameters: (s) => ({ id: s.order.id, chargeId: s.charge.Payload.chargeId, note: States.Format('big order {}', s.order.id), fromVariable: chargeId }),
  });
  const bigJsonata = chain<{ order: OrderState['order']; charge: string }>().pass('Big', {
    output: ({ input }) => ({ id: input.order.id, chargeId: input.charge, note: States.Format('big order {}', input.order.id), fromVariable: chargeId }),
  });
  const base = workflow('E2E', { input: Order, ...(language && { queryLanguage: language }) });
  if (language === 'JSONata') {
    return base
      .task('Charge', lambda.invoke(charge, (s) => ({ orderId: s.order.id, amount: s.order.total })), {
        output: ({ input: s, result }) => ({ order: s.order, charge: result.Payload.chargeId }),
        assign: ({ result }) => ({ chargeId: result.Payload.chargeId }),
      })
      .catch(['PaymentDeclined'], fail('Declined', { error: 'PaymentDeclined' }))
      .choice('Big order?', (c) => c.when((s) => gt(s.order.total, 1000), bigJsonata).otherwise((b) => b.pass('Small', { output: ({ input: s }) => ({ skus: jsonata<number>`$count(${s.order.items})` }) })));
  }
  return base
    .task('Charge', lambda.invoke(charge, (s) => ({ orderId: s.order.id, amount: s.order.total })), {
      resultPath: 'charge',
      assign: ({ result }) => ({ chargeId: result.Payload.chargeId }),
    })
    .catch(['PaymentDeclined'], fail('Declined', { error: 'PaymentDeclined' }))
    .choice('Big order?', (c) => c.when((s) => gt(s.order.total, 1000), big).otherwise((b) => b.pass('Small')));
}

const mocks = { Charge: () => ({ Payload: { chargeId: 'ch-9' }, StatusCode: 200 }) };

describe('compiled workflows in the interpreter', () => {
  it.each([['JSONPath'], ['JSONata']] as const)('%s: typed data flow is the real data flow', async (language) => {
    const { definition } = compileWorkflow(orderFlow(language === 'JSONata' ? 'JSONata' : undefined));
    const { result } = await runExecution(definition, input, { mocks });
    expect(result).toEqual({ status: 'SUCCEEDED', output: { id: 'o-1', chargeId: 'ch-9', note: 'big order o-1', fromVariable: 'ch-9' } });
  });

  it('takes the Default branch of a JSONata Choice', async () => {
    const { definition } = compileWorkflow(orderFlow('JSONata'));
    const { result } = await runExecution(definition, { order: { ...input.order, total: 10 } }, { mocks });
    expect(result).toEqual({ status: 'SUCCEEDED', output: { skus: 2 } });
  });

  it('catches a declared error', async () => {
    const { definition } = compileWorkflow(orderFlow());
    const { result } = await runExecution(definition, input, { mocks: { Charge: () => { throw taskFailure('PaymentDeclined', 'card expired'); } } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'PaymentDeclined' });
  });

  it('runs a Map and a Parallel with their typed inputs', async () => {
    const flow = workflow('E2E', { input: Order })
      .map('Lines', { items: (s) => s.order.items, itemSelector: (item, { input: s, index }) => ({ sku: item.sku, orderId: s.order.id, index }), processor: (b) => b.pass('Line', { parameters: (s) => ({ line: States.Format('{}#{}:{}', s.orderId, s.index, s.sku) }) }) }, { resultPath: 'lines' })
      .parallel('Both', { parameters: (s) => ({ n: States.ArrayLength(s.lines) }) }, [(b) => b.pass('Count'), (b) => b.pass('Fixed', { result: 'x' })]);
    const { result } = await runExecution(compileWorkflow(flow).definition, input, {});
    expect(result).toEqual({ status: 'SUCCEEDED', output: [{ n: 2 }, 'x'] });
  });
});
