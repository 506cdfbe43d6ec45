// Mistake: A Choice rule goes to a state that does not exist (`Drow` for `Draw`).
// Caught by: tsc
import { eq } from '../../../src/dsl/index';
import { start } from './_fixtures';

export const flow = start().pass('Draw').choice('Again?', (c) => c.when((s) => eq(s.order.id, 'x'), 'Drow').otherwise('Draw')); // <- mistake
