import { z } from 'zod';
import { chain, fail, gt, lambda, lambdaFunction, sqs, workflow } from 'statecraft';

// The README's worked example, verbatim (step 1), imported through the package name as a user
// would. Tests compile it (test/compiler/readme-example.test.ts) and run it (worked-example.test.ts).
const Order = z.object({ order: z.object({ id: z.string(), total: z.number() }) });
type OrderState = z.output<typeof Order>;

const charge = lambdaFunction<{ orderId: string; amount: number }, { chargeId: string }>()(
  'arn:aws:lambda:eu-west-1:123456789012:function:charge',
  { errors: ['PaymentDeclined'] },
);

const ship = chain<OrderState>().pass('Ship').succeed('Shipped');
const review = chain<OrderState>()
  .task('Review', sqs.sendMessage.waitForTaskToken((s, ctx) => ({
    QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/reviews',
    MessageBody: { token: ctx.Task.Token, order: s.order },   // ctx.Task exists only here
  })), { resultPath: null })   // keep the order: without it, Ship would get the reviewer's answer
  .next(ship);

export const orderFlow = workflow('OrderFlow', { input: Order })
  .task('Charge', lambda.invoke(charge, (s) => ({ orderId: s.order.id, amount: s.order.total })), {
    resultPath: 'charge',                       // the next state sees s.charge.Payload.chargeId
  })
  .retry(['Lambda.ServiceException'], { maxAttempts: 6, backoffRate: 2, jitter: 'FULL' })
  .catch(['PaymentDeclined'], fail('Declined', { error: 'PaymentDeclined' }))
  .choice('Big order?', (c) => c.when((s) => gt(s.order.total, 1000), review).otherwise(ship));
