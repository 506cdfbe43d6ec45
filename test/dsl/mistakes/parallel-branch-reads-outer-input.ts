// Mistake: A Parallel branch reads the order, but its input is the state's `parameters`.
// Caught by: tsc
import { start } from './_fixtures';

export const flow = start().parallel('Check', { parameters: (s) => ({ id: s.order.id }) }, [
  (b) => b.pass('A', { parameters: (s) => ({ total: s.order.total }) }), // <- mistake
]);
