// Mistake: A typo in the Lambda result (`chargeid` for `chargeId`).
// Caught by: tsc
import { start, invokeCharge } from './_fixtures';

export const flow = start().task('Charge', invokeCharge, { resultSelector: (r) => ({ id: r.Payload.chargeid }) }); // <- mistake
