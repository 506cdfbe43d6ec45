/**
 * What the mistake cases share: an order input and a payment function, as a user's project has.
 * Files starting with `_` are not cases.
 */
import { z } from 'zod';
import { lambda, lambdaFunction, workflow, type Selector } from '../../../src/dsl/index';

export const Order = z.object({
  order: z.object({ id: z.string(), total: z.number(), country: z.string(), items: z.array(z.object({ sku: z.string(), qty: z.number() })) }),
});
export type OrderT = z.output<typeof Order>;

export const charge = lambdaFunction<{ orderId: string; amount: number }, { chargeId: string; status: string }>()(
  'arn:aws:lambda:us-east-1:123456789012:function:charge',
  { errors: ['PaymentDeclined'] },
);

export const invokeCharge = lambda.invoke(charge, (s: Selector<OrderT>) => ({ orderId: s.order.id, amount: s.order.total }));

/** The start of every case's workflow. */
export const start = (name = 'Mistake') => workflow(name, { input: Order });
