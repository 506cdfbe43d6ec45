// Mistake: Catches an error the function never declared (`CardExpired`).
// Caught by: tsc
import { fail } from '../../../src/dsl/index';
import { invokeCharge, start } from './_fixtures';

export const flow = start().task('Charge', invokeCharge).catch(['CardExpired'], fail('Expired')); // <- mistake
