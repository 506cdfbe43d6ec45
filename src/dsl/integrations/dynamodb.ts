import { catalogueCall } from './service-action';

/** A DynamoDB attribute value (`{ S: 'x' }`, `{ N: '1' }`, ...). */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { SS: string[] }
  | { NS: string[] }
  | { L: AttributeValue[] }
  | { M: Record<string, AttributeValue> };
type Key = Record<string, AttributeValue>;

interface TableParams {
  TableName: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
  ReturnConsumedCapacity?: 'INDEXES' | 'TOTAL' | 'NONE';
}
/** The request of DynamoDB `GetItem` (its API field names). */
export interface DynamoGetItemParams extends Omit<TableParams, 'ConditionExpression' | 'ExpressionAttributeValues'> {
  Key: Key;
  ConsistentRead?: boolean;
  ProjectionExpression?: string;
}
/** The request of DynamoDB `PutItem` (its API field names). */
export interface DynamoPutItemParams extends TableParams {
  Item: Key;
  ReturnValues?: 'NONE' | 'ALL_OLD';
}
/** The request of DynamoDB `UpdateItem` (its API field names). */
export interface DynamoUpdateItemParams extends TableParams {
  Key: Key;
  UpdateExpression: string;
  ReturnValues?: 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';
}
/** The request of DynamoDB `DeleteItem` (its API field names). */
export interface DynamoDeleteItemParams extends TableParams {
  Key: Key;
  ReturnValues?: 'NONE' | 'ALL_OLD';
}
/** What the DynamoDB item calls return (`Item` for `GetItem`, `Attributes` when requested). */
export interface DynamoItemResult {
  Item?: Key;
  Attributes?: Key;
  ConsumedCapacity?: unknown;
}
/** Error names DynamoDB tasks raise (`DynamoDB.*`), for `.retry`/`.catch`. */
export type DynamoDbError = `DynamoDB.${string}`;

/**
 * Amazon DynamoDB items (request-response only: `.sync`/`.waitForTaskToken` do not exist here).
 *
 * @example
 * .task('Load', dynamodb.getItem(s => ({ TableName: 'Orders', Key: { id: { S: s.orderId } } })))
 */
export const dynamodb = Object.freeze({
  getItem: catalogueCall('dynamodb', 'getItem')<DynamoGetItemParams, DynamoItemResult, DynamoDbError>(),
  putItem: catalogueCall('dynamodb', 'putItem')<DynamoPutItemParams, DynamoItemResult, DynamoDbError>(),
  updateItem: catalogueCall('dynamodb', 'updateItem')<DynamoUpdateItemParams, DynamoItemResult, DynamoDbError>(),
  deleteItem: catalogueCall('dynamodb', 'deleteItem')<DynamoDeleteItemParams, DynamoItemResult, DynamoDbError>(),
});
