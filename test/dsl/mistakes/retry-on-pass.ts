// Mistake: `.retry` on a Pass state, which cannot retry.
// Caught by: tsc
import { start } from './_fixtures';

export const flow = start().pass('P').retry(['States.ALL']); // <- mistake
