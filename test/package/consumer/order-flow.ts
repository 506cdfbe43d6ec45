// A consumer's workflow, type-checked against the shipped .d.ts and built by `npx statecraft build`.
import { z } from 'zod';
import { gt, lambda, lambdaFunction, workflow } from 'statecraft';

const charge = lambdaFunction<{ orderId: string; amount: number }, { chargeId: string }>()(
  'arn:aws:lambda:us-east-1:123456789012:function:charge',
  { errors: ['PaymentDeclined'] },
);

export const orderFlow = workflow('ConsumerOrder', { input: z.object({ order: z.object({ id: z.string(), total: z.number() }) }) })
  .task('Charge', lambda.invoke(charge, (s) => ({ orderId: s.order.id, amount: s.order.total })), { resultPath: 'charge' })
  .retry(['Lambda.ServiceException'], { maxAttempts: 2 })
  .choice('Big?', (c) => c.when((s) => gt(s.order.total, 100), 'Charge').otherwise((b) => b.succeed('Done')));
