// Must NOT type-check: `s.order.idd` is not a field of the input.
import { z } from 'zod';
import { lambda, lambdaFunction, workflow } from 'statecraft';

const charge = lambdaFunction<{ orderId: string }, { chargeId: string }>()('arn:aws:lambda:us-east-1:123456789012:function:charge');

export const typo = workflow('Typo', { input: z.object({ order: z.object({ id: z.string() }) }) })
  .task('Charge', lambda.invoke(charge, (s) => ({ orderId: s.order.idd })))
  .succeed('Done');
