import { requestResponse } from './service-action';

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
export interface DynamoGetItemParams extends Omit<TableParams, 'ConditionExpression' | 'ExpressionAttributeValues'> {
  Key: Key;
  ConsistentRead?: boolean;
  ProjectionExpression?: string;
}
export interface DynamoPutItemParams extends TableParams {
  Item: Key;
  ReturnValues?: 'NONE' | 'ALL_OLD';
}
export interface DynamoUpdateItemParams extends TableParams {
  Key: Key;
  UpdateExpression: string;
  ReturnValues?: 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';
}
export interface DynamoDeleteItemParams extends TableParams {
  Key: Key;
  ReturnValues?: 'NONE' | 'ALL_OLD';
}
export interface DynamoItemResult {
  Item?: Key;
  Attributes?: Key;
  ConsumedCapacity?: unknown;
}
export type DynamoDbError = `DynamoDB.${string}`;

const action = (name: string) => ({ service: 'dynamodb', action: name, errors: [] as DynamoDbError[] });

/**
 * Amazon DynamoDB items (request-response only: `.sync`/`.waitForTaskToken` do not exist here).
 *
 * @example
 * .task('Load', dynamodb.getItem(s => ({ TableName: 'Orders', Key: { id: { S: s.orderId } } })))
 */
export const dynamodb = Object.freeze({
  getItem: requestResponse<DynamoGetItemParams, DynamoItemResult, DynamoDbError>(action('getItem')),
  putItem: requestResponse<DynamoPutItemParams, DynamoItemResult, DynamoDbError>(action('putItem')),
  updateItem: requestResponse<DynamoUpdateItemParams, DynamoItemResult, DynamoDbError>(action('updateItem')),
  deleteItem: requestResponse<DynamoDeleteItemParams, DynamoItemResult, DynamoDbError>(action('deleteItem')),
});
