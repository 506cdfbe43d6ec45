// Mistake: A workflow name that cannot be a state machine or file name.
// Caught by: build
import { workflow } from '../../../src/dsl/index';
import { Order } from './_fixtures';

export const flow = workflow('Order flow v2', { input: Order }) // <- mistake
  .pass('P')
  .succeed('Done');
