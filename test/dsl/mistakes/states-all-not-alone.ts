// Mistake: `States.ALL` listed with other errors (AWS requires it alone).
// Caught by: tsc
import { invokeCharge, start } from './_fixtures';

export const flow = start().task('Charge', invokeCharge).retry(['States.ALL', 'PaymentDeclined']); // <- mistake
