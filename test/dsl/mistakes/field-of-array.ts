// Mistake: Reads `sku` on the items array instead of on an item.
// Caught by: tsc
import { start } from './_fixtures';

export const flow = start().pass('Skus', { parameters: (s) => ({ sku: s.order.items.sku }) }); // <- mistake
