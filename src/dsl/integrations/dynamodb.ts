import type { ContextObject } from '../context/context-object';
import { awsSdk, type AwsSdkError } from './aws-sdk';
import { catalogueCall } from './service-action';
import type { PayloadArg, ResultSpec, TaskIntegration } from './task-integration';

/** A DynamoDB attribute value (`{ S: 'x' }`, `{ N: '1' }`, ...): exactly one type descriptor. */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] }
  | { L: AttributeValue[] }
  | { M: Record<string, AttributeValue> };

/**
 * An attribute value as read from a result whose item type is not declared: every descriptor is
 * optional, so `r.Item.tier.S` selects (the value has whichever one DynamoDB stored).
 */
export interface AttributeValueRead {
  S?: string;
  N?: string;
  B?: string;
  BOOL?: boolean;
  NULL?: true;
  SS?: string[];
  NS?: string[];
  BS?: string[];
  L?: AttributeValueRead[];
  M?: Record<string, AttributeValueRead>;
}

/**
 * The DynamoDB attribute value of a TypeScript type: `string` → `{ S }` (literal unions kept),
 * `number` → `{ N: string }` (DynamoDB sends numbers as text), `boolean` → `{ BOOL }`, `null` →
 * `{ NULL: true }`, `ReadonlySet<string>` → `{ SS }`, `ReadonlySet<number>` → `{ NS }`,
 * `Uint8Array` → `{ B }` (base64), arrays → `{ L }`, objects → `{ M }`. A union field maps to the
 * union of its values; `unknown` maps to `Untyped`.
 *
 * @example
 * type V = AttributeValueOf<{ tier: 'gold' | 'silver'; visits: number }>; // { M: { tier: { S: 'gold' | 'silver' }; visits: { N: string } } }
 */
export type AttributeValueOf<T, Untyped = AttributeValue> = unknown extends T
  ? Untyped
  : [T] extends [string]
    ? { S: T }
    : [T] extends [boolean]
      ? { BOOL: boolean }
      : EachAttributeValue<T, Untyped>;

type EachAttributeValue<T, Untyped> = T extends string
  ? { S: T }
  : T extends number | bigint
    ? { N: string }
    : T extends boolean
      ? { BOOL: boolean }
      : T extends null
        ? { NULL: true }
        : T extends ReadonlySet<infer E>
          ? [E] extends [number] ? { NS: string[] } : [E] extends [Uint8Array] ? { BS: string[] } : { SS: string[] }
          : T extends Uint8Array
            ? { B: string }
            : T extends readonly (infer E)[]
              ? { L: AttributeValueOf<E, Untyped>[] }
              : T extends object
                ? { M: AttributeMap<T, Untyped> }
                : Untyped;

/**
 * An item of type `T` as DynamoDB's wire format: each field mapped by {@link AttributeValueOf},
 * optional fields optional. `AttributeMap<unknown>` is any item (`Record<string, Untyped>`).
 *
 * @example
 * interface Customer { id: string; tier: 'gold' | 'silver'; visits: number }
 * const item: AttributeMap<Customer> = { id: { S: 'c-1' }, tier: { S: 'gold' }, visits: { N: '3' } };
 */
export type AttributeMap<T, Untyped = AttributeValue> = unknown extends T
  ? Record<string, Untyped>
  : { [K in keyof T]: AttributeValueOf<Exclude<T[K], undefined>, Untyped> };

/** The key attributes of an item of type `T`: some of its fields (the table's key schema), typed as in the item. */
export type AttributeKey<T> = unknown extends T ? Record<string, AttributeValue> : Partial<AttributeMap<T>>;

/** An item as a result holds it: typed by `T`, or selectable by any descriptor when `T` is not declared. */
export type ResultItem<T> = AttributeMap<T, AttributeValueRead>;

interface TableParams {
  TableName: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
  ReturnConsumedCapacity?: 'INDEXES' | 'TOTAL' | 'NONE';
}
/** The request of DynamoDB `GetItem` (its API field names); `Key` typed by the item type `T`. */
export interface DynamoGetItemParams<T = unknown> extends Omit<TableParams, 'ConditionExpression' | 'ExpressionAttributeValues'> {
  Key: AttributeKey<T>;
  ConsistentRead?: boolean;
  ProjectionExpression?: string;
}
/** The request of DynamoDB `PutItem` (its API field names); `Item` is the whole item of type `T`. */
export interface DynamoPutItemParams<T = unknown> extends TableParams {
  Item: AttributeMap<T>;
  ReturnValues?: 'NONE' | 'ALL_OLD';
}
/** The request of DynamoDB `UpdateItem` (its API field names). */
export interface DynamoUpdateItemParams<T = unknown> extends TableParams {
  Key: AttributeKey<T>;
  UpdateExpression: string;
  ReturnValues?: 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';
}
/** The request of DynamoDB `DeleteItem` (its API field names). */
export interface DynamoDeleteItemParams<T = unknown> extends TableParams {
  Key: AttributeKey<T>;
  ReturnValues?: 'NONE' | 'ALL_OLD';
}
/** The request of DynamoDB `Query` (its API field names), through the AWS SDK integration. */
export interface DynamoQueryParams<T = unknown> extends Omit<TableParams, 'ConditionExpression'> {
  KeyConditionExpression: string;
  IndexName?: string;
  FilterExpression?: string;
  ProjectionExpression?: string;
  Limit?: number;
  ScanIndexForward?: boolean;
  ConsistentRead?: boolean;
  ExclusiveStartKey?: AttributeKey<T>;
  Select?: 'ALL_ATTRIBUTES' | 'ALL_PROJECTED_ATTRIBUTES' | 'SPECIFIC_ATTRIBUTES' | 'COUNT';
}
/** What `GetItem` returns: the item, absent when no item has the key. */
export interface DynamoGetItemResult<T = unknown> {
  Item?: ResultItem<T>;
  ConsumedCapacity?: unknown;
}
/** What `PutItem` / `UpdateItem` / `DeleteItem` return: the item's attributes when `ReturnValues` asks for them. */
export interface DynamoWriteItemResult<T = unknown> {
  Attributes?: ResultItem<T>;
  ConsumedCapacity?: unknown;
}
/** What `UpdateItem` returns: `UPDATED_*` return only the updated attributes, so each may be absent. */
export interface DynamoUpdateItemResult<T = unknown> {
  Attributes?: Partial<ResultItem<T>>;
  ConsumedCapacity?: unknown;
}
/** What `Query` returns: the matching items and where to continue. */
export interface DynamoQueryResult<T = unknown> {
  Items: ResultItem<T>[];
  Count: number;
  ScannedCount: number;
  LastEvaluatedKey?: Partial<ResultItem<T>>;
  ConsumedCapacity?: unknown;
}
/** What the DynamoDB item calls return (`Item` for `GetItem`, `Attributes` when requested). */
export interface DynamoItemResult<T = unknown> extends DynamoGetItemResult<T>, DynamoWriteItemResult<T> {}
/** Error names DynamoDB tasks raise (`DynamoDB.*`), for `.retry`/`.catch`. */
export type DynamoDbError = `DynamoDB.${string}`;

/** Declares the item type of a DynamoDB call: `{ item: returns<Customer>() }` or a zod schema of the item. */
export interface ItemTypeOption<T> {
  item?: ResultSpec<T>;
}

// The untyped calls from the catalogue; the exported functions only add the item type.
const calls = {
  getItem: catalogueCall('dynamodb', 'getItem')<DynamoGetItemParams, DynamoGetItemResult, DynamoDbError>(),
  putItem: catalogueCall('dynamodb', 'putItem')<DynamoPutItemParams, DynamoWriteItemResult, DynamoDbError>(),
  updateItem: catalogueCall('dynamodb', 'updateItem')<DynamoUpdateItemParams, DynamoUpdateItemResult, DynamoDbError>(),
  deleteItem: catalogueCall('dynamodb', 'deleteItem')<DynamoDeleteItemParams, DynamoWriteItemResult, DynamoDbError>(),
};

// `NoInfer`: the item type comes from `options.item` (or stays unknown); a payload never narrows it.
function getItem<S, T = unknown>(
  payload: PayloadArg<S, ContextObject, DynamoGetItemParams<NoInfer<T>>>,
  _options?: ItemTypeOption<T>,
): TaskIntegration<S, DynamoGetItemResult<T>, DynamoDbError> {
  return calls.getItem(payload as never) as never;
}
function putItem<S, T = unknown>(
  payload: PayloadArg<S, ContextObject, DynamoPutItemParams<NoInfer<T>>>,
  _options?: ItemTypeOption<T>,
): TaskIntegration<S, DynamoWriteItemResult<T>, DynamoDbError> {
  return calls.putItem(payload as never) as never;
}
function updateItem<S, T = unknown>(
  payload: PayloadArg<S, ContextObject, DynamoUpdateItemParams<NoInfer<T>>>,
  _options?: ItemTypeOption<T>,
): TaskIntegration<S, DynamoUpdateItemResult<T>, DynamoDbError> {
  return calls.updateItem(payload as never) as never;
}
function deleteItem<S, T = unknown>(
  payload: PayloadArg<S, ContextObject, DynamoDeleteItemParams<NoInfer<T>>>,
  _options?: ItemTypeOption<T>,
): TaskIntegration<S, DynamoWriteItemResult<T>, DynamoDbError> {
  return calls.deleteItem(payload as never) as never;
}
/** `Query` has no optimized integration; it runs as `arn:aws:states:::aws-sdk:dynamodb:query`. */
function query<S, T = unknown>(
  payload: PayloadArg<S, ContextObject, DynamoQueryParams<NoInfer<T>>>,
  _options?: ItemTypeOption<T>,
): TaskIntegration<S, DynamoQueryResult<T>, AwsSdkError<'dynamodb'>> {
  return awsSdk('dynamodb', 'query', payload as never) as never;
}

/**
 * Amazon DynamoDB items (request-response only: `.sync`/`.waitForTaskToken` do not exist here).
 * Declare the item type with `{ item: returns<T>() }` (or a zod schema) to type `Key`/`Item` as
 * AttributeValues of `T` and the result's `Item`/`Attributes`/`Items` the same way; without it,
 * any attribute is accepted and a result's attributes select by any descriptor (`.S`, `.N`, ...).
 *
 * @example
 * interface Customer { id: string; tier: 'gold' | 'silver'; visits: number }
 * .task('Load', dynamodb.getItem(s => ({ TableName: 'Customers', Key: { id: { S: s.customerId } } }), { item: returns<Customer>() }),
 *   { resultSelector: r => ({ tier: r.Item.tier.S }) }) // r.Item.tier.N is a type error
 */
export const dynamodb = Object.freeze({ getItem, putItem, updateItem, deleteItem, query });
