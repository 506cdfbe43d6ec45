// Mistake: A hand-written JSONPath in a JSONata workflow.
// Caught by: build
import { jsonPath, workflow } from '../../../src/dsl/index';
import { Order } from './_fixtures';

export const flow = workflow('Mistake', { input: Order, queryLanguage: 'JSONata' })
  .pass('P', { output: () => ({ skus: jsonPath<string[]>('$.order.items[*].sku') }) }) // <- mistake
  .succeed('Done');
