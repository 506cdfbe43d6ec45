import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileWorkflow, formatDefinition, isWorkflow } from '../../src/compiler/index';
import { chain, fail, gt, lambda, lambdaFunction, workflow } from '../../src/dsl/index';
import { compile } from './compile-helpers';

const Order = z.object({ order: z.object({ id: z.string(), total: z.number() }) });
type OrderT = z.output<typeof Order>;
const charge = lambdaFunction<{ orderId: string; amount: number }, { chargeId: string }>()('arn:aws:lambda:us-east-1:123456789012:function:charge', { errors: ['PaymentDeclined'] });

function orderFlow() {
  const ship = chain<OrderT>().pass('Ship').succeed('Shipped');
  const review = chain<OrderT>().pass('Review').next(ship);
  return workflow('OrderFlow', { input: Order, comment: 'Orders', timeoutSeconds: 3600, version: '1.0' })
    .task('Charge', lambda.invoke(charge, (s) => ({ orderId: s.order.id, amount: s.order.total })), { resultPath: 'charge' })
    .retry(['Lambda.ServiceException'], { maxAttempts: 6, backoffRate: 2, jitter: 'FULL' })
    .catch(['PaymentDeclined'], fail('Declined', { error: 'PaymentDeclined' }))
    .choice('Big order?', (c) => c.when((s) => gt(s.order.total, 1000), review).otherwise(ship));
}

describe('workflow level', () => {
  it('emits Comment, Version, TimeoutSeconds, StartAt and each shared fragment once', () => {
    const definition = compile(orderFlow());
    expect(Object.keys(definition)).toEqual(['Comment', 'Version', 'TimeoutSeconds', 'StartAt', 'States']);
    expect(definition).toMatchObject({ Comment: 'Orders', Version: '1.0', TimeoutSeconds: 3600, StartAt: 'Charge' });
    expect(Object.keys(definition.States)).toEqual(['Charge', 'Big order?', 'Declined', 'Review', 'Ship', 'Shipped']);
    expect(definition.States.Review).toEqual({ Type: 'Pass', Next: 'Ship' });
  });

  it('emits QueryLanguage at the top and reports the machine type', () => {
    const compiled = compileWorkflow(workflow('J', { queryLanguage: 'JSONata', type: 'EXPRESS' }).pass('P'));
    expect(compiled).toEqual({ name: 'J', stateMachineType: 'EXPRESS', definition: { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } });
  });

  it('is deterministic: two builds of the same workflow give the same text', async () => {
    const first = await formatDefinition(compileWorkflow(orderFlow()).definition);
    const second = await formatDefinition(compileWorkflow(orderFlow()).definition);
    expect(second).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
    expect(JSON.parse(first)).toEqual(compileWorkflow(orderFlow()).definition);
  });

  it('formats with prettier (short arrays on one line) and a trailing newline', async () => {
    const text = await formatDefinition(compileWorkflow(orderFlow()).definition);
    expect(text).toContain('"ErrorEquals": ["Lambda.ServiceException"]');
    expect(text.split('\n')[1]).toBe('  "Comment": "Orders",');
  });

  it('recognises workflows and only workflows', () => {
    expect(isWorkflow(orderFlow())).toBe(true);
    expect(isWorkflow(chain<OrderT>().pass('X'))).toBe(false);
    expect(isWorkflow({})).toBe(false);
    expect(isWorkflow(null)).toBe(false);
  });
});
