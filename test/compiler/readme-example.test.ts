import { expect, it } from 'vitest';
import { z } from 'zod';
import { compileWorkflow, formatDefinition } from '../../src/compiler/index';
import { chain, fail, gt, lambda, lambdaFunction, sqs, workflow } from '../../src/dsl/index';
import { expectValidAsl } from './compile-helpers';

// The README's example, kept compiling.
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
    MessageBody: { token: ctx.Task.Token, order: s.order },
  })), { resultPath: null })
  .next(ship);

const orderFlow = workflow('OrderFlow', { input: Order })
  .task('Charge', lambda.invoke(charge, (s) => ({ orderId: s.order.id, amount: s.order.total })), { resultPath: 'charge' })
  .retry(['Lambda.ServiceException'], { maxAttempts: 6, backoffRate: 2, jitter: 'FULL' })
  .catch(['PaymentDeclined'], fail('Declined', { error: 'PaymentDeclined' }))
  .choice('Big order?', (c) => c.when((s) => gt(s.order.total, 1000), review).otherwise(ship));

it('compiles the README example to the expected ASL', async () => {
  const { definition, stateMachineType } = compileWorkflow(orderFlow);
  expectValidAsl(definition);
  expect(stateMachineType).toBe('STANDARD');
  expect(await formatDefinition(definition)).toBe(`{
  "StartAt": "Charge",
  "States": {
    "Charge": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {
        "FunctionName": "arn:aws:lambda:eu-west-1:123456789012:function:charge",
        "Payload": {
          "orderId.$": "$.order.id",
          "amount.$": "$.order.total"
        }
      },
      "ResultPath": "$.charge",
      "Retry": [
        {
          "ErrorEquals": ["Lambda.ServiceException"],
          "MaxAttempts": 6,
          "BackoffRate": 2,
          "JitterStrategy": "FULL"
        }
      ],
      "Catch": [
        {
          "ErrorEquals": ["PaymentDeclined"],
          "Next": "Declined"
        }
      ],
      "Next": "Big order?"
    },
    "Big order?": {
      "Type": "Choice",
      "Choices": [
        {
          "Variable": "$.order.total",
          "NumericGreaterThan": 1000,
          "Next": "Review"
        }
      ],
      "Default": "Ship"
    },
    "Declined": {
      "Type": "Fail",
      "Error": "PaymentDeclined"
    },
    "Review": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      "Parameters": {
        "QueueUrl": "https://sqs.eu-west-1.amazonaws.com/123456789012/reviews",
        "MessageBody": {
          "token.$": "$$.Task.Token",
          "order.$": "$.order"
        }
      },
      "ResultPath": null,
      "Next": "Ship"
    },
    "Ship": {
      "Type": "Pass",
      "Next": "Shipped"
    },
    "Shipped": {
      "Type": "Succeed"
    }
  }
}
`);
});
