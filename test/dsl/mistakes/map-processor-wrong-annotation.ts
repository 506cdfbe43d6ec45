// Mistake: Annotates the Map processor's item with a type the items do not have (`price` is not in an item).
// Caught by: tsc
import type { Chain } from '../../../src/dsl/index';
import { start } from './_fixtures';

type PricedItem = { sku: string; price: number };
export const flow = start().map('Lines', {
  items: (s) => s.order.items,
  processor: (item: Chain<PricedItem, PricedItem, never, never, 'fragment'>) => item.pass('Line', { parameters: (s) => ({ price: s.price }) }), // <- mistake
});
