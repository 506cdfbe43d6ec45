// Mistake: A DynamoDB number attribute given as a JSON number (AttributeValue N is a string).
// Caught by: tsc
import { dynamodb } from '../../../src/dsl/index';
import { start } from './_fixtures';

export const flow = start().task('Save', dynamodb.putItem((s) => ({ TableName: 'orders', Item: { id: { S: s.order.id }, total: { N: 5 } } }))); // <- mistake
