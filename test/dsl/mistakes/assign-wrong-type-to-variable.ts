// Mistake: Assigns a string to a `variable<number>`.
// Caught by: nothing yet (known gap: `assign` is not checked against `variable<T>`; issue 11, Variables)
import { variable, workflow } from '../../../src/dsl/index';
import { Order } from './_fixtures';

export const total = variable<number>('total');
export const flow = workflow('Mistake', { input: Order, queryLanguage: 'JSONata' })
  .pass('Remember', { assign: ({ input }) => ({ total: input.order.id }) }) // <- mistake
  .pass('Use', { output: () => ({ total }) })
  .succeed('Done');
