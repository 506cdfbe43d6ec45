// Mistake: Two states with one name.
// Caught by: build
import { start } from './_fixtures';

export const flow = start()
  .pass('Step')
  .pass('Step') // <- mistake
  .succeed('Done');
