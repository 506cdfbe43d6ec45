// Mistake: Adds a state after a Choice (a Choice ends the chain).
// Caught by: tsc
import { eq, fail } from '../../../src/dsl/index';
import { start } from './_fixtures';

export const flow = start()
  .choice('Big?', (c) => c.when((s) => eq(s.order.id, 'x'), fail('X')).otherwise(fail('Y')))
  .pass('After') // <- mistake
  .succeed('Done');
