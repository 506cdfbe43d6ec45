// Mistake: Sends `$$.Task.Token` from a request-response call (no token exists there).
// Caught by: tsc
import { sqs, type Selector } from '../../../src/dsl/index';
import type { OrderT } from './_fixtures';

export const send = sqs.sendMessage((_s: Selector<OrderT>, c) => ({ QueueUrl: 'q', MessageBody: { token: c.Task.Token } })); // <- mistake
