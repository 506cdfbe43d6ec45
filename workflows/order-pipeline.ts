/**
 * An order pipeline in JSONata: validate the order (assigning `$orderId` and `$customerEmail`),
 * price every line in a Map (assigning `$total`), ask a manager to approve large orders through a
 * task-token callback, wait for the fulfilment window, and confirm the order by SNS.
 */
import { z } from 'zod';
import { chain, fail, jsonata, lambda, lambdaFunction, sns, sqs, variable, workflow } from 'statecraft';

const OrderLine = z.object({ sku: z.string(), quantity: z.number().int().positive() });
const Order = z.object({
  orderId: z.string(),
  customer: z.object({ email: z.string() }),
  lines: z.array(OrderLine),
});
type Order = z.infer<typeof Order>;
type PricedLine = { sku: string; quantity: number; position: number; lineTotal: number };

const validateOrder = lambdaFunction<Order, Order>()('arn:aws:lambda:us-east-1:123456789012:function:ValidateOrder', {
  errors: ['InvalidOrder'],
});
const priceOrderLine = lambdaFunction<{ sku: string; quantity: number; position: number }, PricedLine>()(
  'arn:aws:lambda:us-east-1:123456789012:function:PriceOrderLine',
);

const orderId = variable<string>('orderId');
const customerEmail = variable<string>('customerEmail');
const total = variable<number>('total');

const orderRejected = fail('Order Rejected', {
  error: 'OrderRejected',
  cause: 'The order failed validation or was not approved.',
});

const confirm = chain<unknown>()
  .wait('Wait For Fulfilment Window', { seconds: 300 })
  .task(
    'Confirm Order',
    sns.publish({
      TopicArn: 'arn:aws:sns:us-east-1:123456789012:OrderConfirmations',
      Subject: 'Order confirmed',
      Message: jsonata<string>`'Order ' & ${orderId} & ' is confirmed for ' & ${customerEmail} & ', total ' & $string(${total})`,
    }),
    { output: () => ({ orderId, total, status: 'CONFIRMED' }) },
  );

export const orderPipeline = workflow('OrderPipeline', {
  comment:
    'Validates an order, prices each line, asks a manager to approve large orders, waits for the fulfilment window and confirms the order.',
  queryLanguage: 'JSONata',
  input: Order,
})
  .task(
    'Validate Order',
    lambda.invoke(validateOrder, (s) => s),
    {
      output: ({ result }) => result.Payload,
      assign: ({ input }) => ({ orderId: input.orderId, customerEmail: input.customer.email }),
    },
  )
  .retry(['Lambda.ServiceException', 'Lambda.TooManyRequestsException'], { intervalSeconds: 2, maxAttempts: 3, backoffRate: 2 })
  .catch(['InvalidOrder'], orderRejected)
  .map(
    'Price Lines',
    {
      items: (s) => s.lines,
      itemSelector: (line, { index }) => ({ sku: line.sku, quantity: line.quantity, position: index }),
      maxConcurrency: 5,
      processor: (line) =>
        line.task(
          'Price Line',
          lambda.invoke(priceOrderLine, (s) => s),
          { output: ({ result }) => result.Payload },
        ),
    },
    {
      assign: () => ({ total: jsonata<number>`$sum($states.result.lineTotal)` }),
      output: ({ result }) => ({ orderId, lines: result }),
    },
  )
  .choice('Needs Approval', (c) =>
    c
      .when(jsonata<boolean>`${total} > 500`, (b) =>
        b
          .task(
            'Request Approval',
            sqs.sendMessage.waitForTaskToken((_s, ctx) => ({
              QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/OrderApprovals',
              MessageBody: { orderId, total, taskToken: ctx.Task.Token },
            })),
            { timeoutSeconds: 86400, output: ({ input }) => input },
          )
          .catch(['States.Timeout', 'States.TaskFailed'], orderRejected)
          .next(confirm),
      )
      .otherwise(confirm),
  );
