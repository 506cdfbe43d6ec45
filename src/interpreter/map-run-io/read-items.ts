import { parseTaskResource } from '../../asl/task-resource';
import type { Json, JsonObject } from '../../asl/types';
import { runtimeError } from '../errors';
import { itemReaderFailed } from './item-reader-failed';
import { parseItemFile } from './parse-item-file';
import { readManifestItems } from './read-manifest';
import { noSuchBucket, requireObject } from './require-object';
import type { S3ObjectStore } from './s3-object-store';
import type { ResolvedItemReader, ResolvedReaderConfig } from './types';

/**
 * Reads a Distributed Map's items from S3, as its `ItemReader` says: `s3:getObject` parses one
 * object (JSON array, JSON Lines, CSV, or a manifest), `s3:listObjectsV2` lists objects (their
 * metadata, or with `Transformation: LOAD_AND_FLATTEN` their parsed contents). `MaxItems`
 * (`0`/absent: no limit) keeps the first N items.
 *
 * `sources`, when given, receives each returned item's S3 URI (`$$.Map.Item.Source`): the bucket
 * (`S3://bucket`) for a plain listing, else the object the item was read from (`S3://bucket/key`;
 * for a manifest, the manifest object).
 *
 * Throws `StatesError('States.ItemReaderFailed', cause)` when S3 has no such object or the data
 * cannot be read (e.g. `"CSV headers cannot contain duplicates."`), and `States.Runtime` when the
 * resolved `Parameters` are malformed.
 *
 * @example
 * const s3 = new InMemoryS3({ 'b/items.csv': 'id,name\n1,a\n' });
 * readItems({
 *   Resource: 'arn:aws:states:::s3:getObject',
 *   Parameters: { Bucket: 'b', Key: 'items.csv' },
 *   ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
 * }, s3); // [{ id: '1', name: 'a' }]
 */
export function readItems(reader: ResolvedItemReader, store: S3ObjectStore, sources?: string[]): Json[] {
  const config = reader.ReaderConfig ?? {};
  const parameters = readerParameters(reader.Parameters);
  const action = s3Action(reader.Resource);
  const found: string[] = [];
  const items =
    action === 'getObject'
      ? readObject(parameters, config, store, found)
      : action === 'listObjectsV2'
        ? readListing(parameters, config, store, found)
        : unsupportedResource(reader.Resource);
  const limited = limitItems(items, config.MaxItems);
  // `$$.Map.Item.Source`: one S3 URI per item, written as the DG shows them (`S3://bucket[/key]`).
  if (sources) for (let i = 0; i < limited.length; i++) sources.push(found[i]);
  return limited;
}

function objectUri(bucket: string, key?: string): string {
  return key === undefined ? `S3://${bucket}` : `S3://${bucket}/${key}`;
}

function tag(items: Json[], source: string, sources: string[]): Json[] {
  for (let i = 0; i < items.length; i++) sources.push(source);
  return items;
}

function readObject(parameters: JsonObject, config: ResolvedReaderConfig, store: S3ObjectStore, sources: string[]): Json[] {
  const bucket = stringParameter(parameters, 'Bucket');
  const key = stringParameter(parameters, 'Key');
  const body = requireObject(store, bucket, key);
  // An Athena manifest keeps InputType for its data files (CSV/JSONL/PARQUET); S3 Inventory says MANIFEST.
  if (config.InputType === 'MANIFEST' || config.ManifestType === 'ATHENA_DATA') {
    return tag(readManifestItems(body, config, { bucket, key }, store), objectUri(bucket, key), sources);
  }
  return tag(parseItemFile(body, config, { bucket, key }), objectUri(bucket, key), sources);
}

function readListing(parameters: JsonObject, config: ResolvedReaderConfig, store: S3ObjectStore, sources: string[]): Json[] {
  const bucket = stringParameter(parameters, 'Bucket');
  const prefix = parameters.Prefix === undefined ? '' : stringParameter(parameters, 'Prefix');
  if (store.hasBucket && !store.hasBucket(bucket)) throw noSuchBucket(bucket);
  const listed = store.listObjects(bucket, prefix);
  if (config.Transformation === 'LOAD_AND_FLATTEN') {
    return listed
      .filter((object) => !isFolderMarker(object.Key, object.Size))
      .flatMap((object) => {
        const body = requireObject(store, bucket, object.Key);
        return tag(parseItemFile(body, config, { bucket, key: object.Key }), objectUri(bucket, object.Key), sources);
      });
  }
  tag(listed as unknown as Json[], objectUri(bucket), sources);
  // AWS hands each child the object's metadata with LastModified in epoch seconds (documented
  // example: `"LastModified": 1668699881`).
  return listed.map((object) => ({
    Etag: object.Etag,
    Key: object.Key,
    LastModified: Math.floor(Date.parse(object.LastModified) / 1000),
    Size: object.Size,
    StorageClass: object.StorageClass,
  }));
}

/** A console-created "folder": an empty object whose key ends with `/`; it holds no data. */
function isFolderMarker(key: string, size: number): boolean {
  return size === 0 && key.endsWith('/');
}

function limitItems(items: Json[], maxItems: number | undefined): Json[] {
  if (maxItems === undefined || maxItems === 0) return items;
  if (!Number.isInteger(maxItems) || maxItems < 0) {
    throw runtimeError(`ItemReader.ReaderConfig.MaxItems must be a non-negative integer, got ${maxItems}.`);
  }
  return items.length > maxItems ? items.slice(0, maxItems) : items;
}

/** `arn:<partition>:states:::s3:getObject` → `getObject`. */
function s3Action(resource: string): string | undefined {
  const parsed = parseTaskResource(resource);
  return parsed.kind === 'optimized' && parsed.service === 's3' && parsed.pattern === 'request-response' ? parsed.api : undefined;
}

function unsupportedResource(resource: string): never {
  throw itemReaderFailed(
    `ItemReader.Resource '${resource}' is not supported: use arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2.`,
  );
}

function readerParameters(parameters: Json): JsonObject {
  if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters)) {
    throw runtimeError('ItemReader.Parameters must resolve to an object with Bucket and Key (or Prefix).');
  }
  return parameters;
}

function stringParameter(parameters: JsonObject, name: string): string {
  const value = parameters[name];
  if (typeof value !== 'string') {
    throw runtimeError(`ItemReader.Parameters.${name} must resolve to a string, got ${JSON.stringify(value) ?? 'nothing'}.`);
  }
  return value;
}
