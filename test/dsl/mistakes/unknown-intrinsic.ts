// Mistake: Calls an intrinsic that does not exist (`States.Formatt`).
// Caught by: tsc
import { States } from '../../../src/dsl/index';
import { start } from './_fixtures';

export const flow = start().pass('Greet', { parameters: (s) => ({ text: States.Formatt('Order {}', s.order.id) }) }); // <- mistake
