// Mistake: A catch handler reads the order, but without `resultPath` its input is the error output.
// Caught by: tsc
import { invokeCharge, start } from './_fixtures';

export const flow = start()
  .task('Charge', invokeCharge)
  .catch(['States.ALL'], (b) => b.pass('Refund', { parameters: (s) => ({ id: s.order.id }) })); // <- mistake
