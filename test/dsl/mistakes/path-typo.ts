// Mistake: A typo in a path: `totl` for `total`.
// Caught by: tsc
import { lambda } from '../../../src/dsl/index';
import { charge, start } from './_fixtures';

export const flow = start().task('Charge', lambda.invoke(charge, (s) => ({ orderId: s.order.id, amount: s.order.totl }))); // <- mistake
