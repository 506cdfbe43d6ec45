// Mistake: Reads a variable in the state before the one that assigns it.
// Caught by: build
import { variable, workflow } from '../../../src/dsl/index';
import { Order } from './_fixtures';

const total = variable<number>('total');
export const flow = workflow('Mistake', { input: Order, queryLanguage: 'JSONata' })
  .pass('Use', { output: () => ({ total }) }) // <- mistake
  .pass('Remember', { assign: () => ({ total: 42 }) })
  .succeed('Done');
