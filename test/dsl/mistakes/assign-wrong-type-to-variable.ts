// Mistake: Assigns a string to a `variable<number>` the workflow declares.
// Caught by: tsc
import { variable, workflow } from '../../../src/dsl/index';
import { Order } from './_fixtures';

export const total = variable<number>('total');
export const flow = workflow('Mistake', { input: Order, variables: { total }, queryLanguage: 'JSONata' })
  .pass('Remember', { assign: ({ input }) => ({ total: input.order.id }) }) // <- mistake
  .pass('Use', { output: () => ({ total }) })
  .succeed('Done');
