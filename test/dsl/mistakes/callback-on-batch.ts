// Mistake: `.waitForTaskToken` on Batch, which has no callback pattern.
// Caught by: tsc
import { batch } from '../../../src/dsl/index';

export const submitWithToken = batch.submitJob.waitForTaskToken; // <- mistake
