// Mistake: A test mock for a state that does not exist (`Charged` for `Charge`).
// Caught by: tsc
import { mocksFor } from '../../../src/testing/index';
import { invokeCharge, start } from './_fixtures';

const flow = start().task('Charge', invokeCharge);
export const mocks = mocksFor(flow)({ Charged: () => ({ chargeId: 'ch_1', status: 'ok' }) }); // <- mistake
