// Mistake: A test mock returns a number where the function returns a string.
// Caught by: tsc
import { mocksFor } from '../../../src/testing/index';
import { invokeCharge, start } from './_fixtures';

const flow = start().task('Charge', invokeCharge);
export const mocks = mocksFor(flow)({ Charge: () => ({ chargeId: 1, status: 'ok' }) }); // <- mistake
