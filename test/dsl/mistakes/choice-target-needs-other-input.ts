// Mistake: A Choice goes to a fragment that needs a `charge` the order input does not have.
// Caught by: tsc
import { chain, eq } from '../../../src/dsl/index';
import { start } from './_fixtures';

const needsCharge = chain<{ charge: { id: string } }>().pass('Receipt', { parameters: (s) => ({ id: s.charge.id }) });
export const flow = start().choice('Paid?', (c) => c.when((s) => eq(s.order.id, 'x'), needsCharge).otherwise(needsCharge)); // <- mistake
