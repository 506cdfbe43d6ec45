import { expect, it } from 'vitest';
import { compileWorkflow, formatDefinition } from '../../src/compiler/index';
import { orderFlow } from '../readme/order-flow';
import { expectValidAsl } from './compile-helpers';

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
