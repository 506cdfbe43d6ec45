// Mistake: Reads the task token from the global context object.
// Caught by: tsc
import { ctx } from '../../../src/dsl/index';

export const token = ctx.Task; // <- mistake
