// Mistake: A Wait of a negative number of seconds.
// Caught by: build
import { start } from './_fixtures';

export const flow = start()
  .wait('Cool Down', { seconds: -5 }) // <- mistake
  .succeed('Done');
