// Mistake: A payload field of the wrong type: the order id (a string) as the amount (a number).
// Caught by: tsc
import { lambda } from '../../../src/dsl/index';
import { charge, start } from './_fixtures';

export const flow = start().task('Charge', lambda.invoke(charge, (s) => ({ orderId: s.order.id, amount: s.order.id }))); // <- mistake
