/**
 * Which error names an imported Lambda function declares (issue 11): only its own. Lambda's
 * service errors and the Node.js runtime's (`Error`, `TypeError`, …) may be caught by any Lambda
 * task without a declaration (the integration catalogue lists both), so the importer leaves them out.
 */
import { describe, expect, it } from 'vitest';
import { importDefinition } from '../../src/import/index';

const definition = {
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:charge', 'Payload.$': '$' },
      Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException', 'TypeError'], MaxAttempts: 2 }],
      Catch: [
        { ErrorEquals: ['PaymentDeclined'], Next: 'Declined' },
        { ErrorEquals: ['Error', 'Runtime.ExitError'], Next: 'Broken' },
      ],
      End: true,
    },
    Declined: { Type: 'Fail', Error: 'Declined' },
    Broken: { Type: 'Fail', Error: 'Broken' },
  },
};

describe('imported Lambda functions declare only their own errors', () => {
  it('declares PaymentDeclined, not Error, TypeError, Runtime.ExitError or Lambda.TooManyRequestsException', async () => {
    const source = await importDefinition(definition, { name: 'Payments' });
    const declaration = /lambdaFunction<[^]*?errors: \[([^\]]*)\]/.exec(source);
    expect(declaration?.[1]).toBe("'PaymentDeclined'");
    expect(source).toContain("'Error'");
    expect(source).toContain("'TypeError'");
  });
});
