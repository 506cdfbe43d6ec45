// Mistake: Puts a JavaScript function into a state's data.
// Caught by: build
import { start } from './_fixtures';

export const flow = start()
  .pass('P', { result: { compute: (() => 1) as never } }) // <- mistake
  .succeed('Done');
