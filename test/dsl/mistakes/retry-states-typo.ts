// Mistake: A typo in a States.* error name (`States.Tmeout`).
// Caught by: tsc
import { invokeCharge, start } from './_fixtures';

export const flow = start().task('Charge', invokeCharge).retry(['States.Tmeout']); // <- mistake
