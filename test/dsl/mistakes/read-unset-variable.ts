// Mistake: Reads a variable that no state assigns.
// Caught by: build
import { variable, workflow } from '../../../src/dsl/index';
import { Order } from './_fixtures';

const discount = variable<number>('discount');
export const flow = workflow('Mistake', { input: Order, queryLanguage: 'JSONata' })
  .pass('Price', { output: ({ input }) => ({ total: input.order.total, discount }) }) // <- mistake
  .succeed('Done');
