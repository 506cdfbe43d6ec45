// Mistake: `.sync` on Lambda invoke (only request-response and callback exist).
// Caught by: tsc
import { lambda } from '../../../src/dsl/index';

export const invokeSync = lambda.invoke.sync; // <- mistake
