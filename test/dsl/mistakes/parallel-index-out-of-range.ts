// Mistake: Reads a third result of a Parallel with two branches.
// Caught by: tsc
import { start } from './_fixtures';

export const flow = start()
  .parallel('Both', [(b) => b.pass('A', { result: { a: 1 } }), (b) => b.pass('B', { result: { b: 'x' } })])
  .pass('Use', { parameters: (s) => ({ third: s[2] }) }) // <- mistake
  .succeed('Done');
