// Mistake: `.next` to a state that does not exist.
// Caught by: tsc
import { start } from './_fixtures';

export const flow = start().pass('Start').next('Nowhere'); // <- mistake
