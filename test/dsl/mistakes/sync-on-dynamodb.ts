// Mistake: `.sync` on DynamoDB, a service without a job to wait for.
// Caught by: tsc
import { dynamodb } from '../../../src/dsl/index';

export const getItemSync = dynamodb.getItem.sync; // <- mistake
