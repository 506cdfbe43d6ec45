// Mistake: A payload that forgets a field the function needs (`amount`).
// Caught by: tsc
import { lambda } from '../../../src/dsl/index';
import { charge, start } from './_fixtures';

export const flow = start().task('Charge', lambda.invoke(charge, (s) => ({ orderId: s.order.id }))); // <- mistake
