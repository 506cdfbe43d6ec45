import type { Json, JsonObject } from '../../asl/types';
import { itemReaderFailed } from './item-reader-failed';
import { parseCsv } from './parse-csv';
import { parseItemFile, type ObjectLocation } from './parse-item-file';
import { requireObject } from './require-object';
import type { S3ObjectStore } from './s3-object-store';
import type { ResolvedReaderConfig } from './types';

/**
 * `InputType: MANIFEST`. An S3 Inventory manifest (`ManifestType: S3_INVENTORY`, the default)
 * yields one item per inventoried object, keyed by the manifest's `fileSchema` columns with string
 * values (`{Bucket, Key, Size, LastModifiedDate, ...}`). An Athena manifest (`ATHENA_DATA`) lists
 * data files as `s3://` URIs, one a line; their contents are read with `InputType`.
 */
export function readManifestItems(
  manifestBody: string,
  config: ResolvedReaderConfig,
  location: ObjectLocation,
  store: S3ObjectStore,
): Json[] {
  if (config.ManifestType === 'ATHENA_DATA') return readAthenaManifest(manifestBody, config, store);
  return readInventoryManifest(manifestBody, location, store);
}

interface InventoryManifest {
  destinationBucket?: unknown;
  fileFormat?: unknown;
  fileSchema?: unknown;
  files?: unknown;
}

function readInventoryManifest(body: string, location: ObjectLocation, store: S3ObjectStore): JsonObject[] {
  const where = `s3://${location.bucket}/${location.key}`;
  let manifest: InventoryManifest;
  try {
    manifest = JSON.parse(body) as InventoryManifest;
  } catch (error) {
    throw itemReaderFailed(`The S3 inventory manifest ${where} is not valid JSON: ${(error as Error).message}`);
  }
  if (manifest === null || typeof manifest !== 'object' || !Array.isArray(manifest.files)) {
    throw itemReaderFailed(`The S3 inventory manifest ${where} has no 'files' array.`);
  }
  if (manifest.fileFormat !== 'CSV') {
    throw itemReaderFailed(
      `The S3 inventory manifest ${where} has fileFormat '${String(manifest.fileFormat)}'; Statecraft reads CSV inventories only.`,
    );
  }
  if (typeof manifest.fileSchema !== 'string') {
    throw itemReaderFailed(`The S3 inventory manifest ${where} has no 'fileSchema' string.`);
  }
  const columns = manifest.fileSchema.split(',').map((column) => column.trim());
  // The destination is an ARN (`arn:aws:s3:::bucket`); inventory files live there.
  const destination = typeof manifest.destinationBucket === 'string' ? manifest.destinationBucket : location.bucket;
  const bucket = destination.replace(/^arn:[^:]*:s3:::/, '');
  const items: JsonObject[] = [];
  for (const file of manifest.files as unknown[]) {
    const key = (file as { key?: unknown } | null)?.key;
    if (typeof key !== 'string') throw itemReaderFailed(`An entry of 'files' in ${where} has no 'key'.`);
    const content = requireObject(store, bucket, key);
    for (const record of parseCsv(content, ',')) {
      const item: JsonObject = {};
      columns.forEach((column, index) => {
        item[column] = record[index] ?? '';
      });
      items.push(item);
    }
  }
  return items;
}

function readAthenaManifest(body: string, config: ResolvedReaderConfig, store: S3ObjectStore): Json[] {
  const items: Json[] = [];
  for (const line of body.split(/\r?\n/)) {
    const uri = line.trim();
    if (uri === '') continue;
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
    if (!match) throw itemReaderFailed(`The Athena manifest line '${uri}' is not an s3://bucket/key URI.`);
    const [, bucket, key] = match;
    const content = requireObject(store, bucket, key);
    items.push(...parseItemFile(content, config, { bucket, key }));
  }
  return items;
}
