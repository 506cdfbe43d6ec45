// Mistake: Compares a number (`total`) with a string literal.
// Caught by: tsc
import { fail, gt } from '../../../src/dsl/index';
import { start } from './_fixtures';

export const flow = start().choice('Big?', (c) => c.when((s) => gt(s.order.total, '1000'), fail('Big')).otherwise(fail('Small'))); // <- mistake
