// Mistake: Compares a number path with a string path (`total` > `country`).
// Caught by: tsc
import { fail, numeric } from '../../../src/dsl/index';
import { start } from './_fixtures';

export const flow = start().choice('Big?', (c) => c.when((s) => numeric.gt(s.order.total, s.order.country), fail('Big')).otherwise(fail('Small'))); // <- mistake
