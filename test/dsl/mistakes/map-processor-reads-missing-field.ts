// Mistake: A Map processor reads `price`, which the items do not have.
// Caught by: tsc
import { start } from './_fixtures';

export const flow = start().map('Lines', {
  items: (s) => s.order.items,
  processor: (item) => item.pass('Line', { parameters: (s) => ({ sku: s.sku, price: s.price }) }), // <- mistake
});
