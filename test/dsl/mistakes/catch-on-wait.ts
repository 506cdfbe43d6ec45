// Mistake: `.catch` on a Wait state, which cannot catch.
// Caught by: tsc
import { fail } from '../../../src/dsl/index';
import { start } from './_fixtures';

export const flow = start().wait('W', { seconds: 1 }).catch(['States.ALL'], fail('F')); // <- mistake
