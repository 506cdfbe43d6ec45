import { itemReaderFailed } from './item-reader-failed';
import type { S3ObjectStore } from './s3-object-store';

/** S3's NoSuchKey, worded so the user sees which object is missing. */
function noSuchKey(bucket: string, key: string) {
  return itemReaderFailed(`The specified key does not exist. (Service: S3, Error Code: NoSuchKey, Bucket: ${bucket}, Key: ${key})`);
}

/** S3's NoSuchBucket. */
export function noSuchBucket(bucket: string) {
  return itemReaderFailed(`The specified bucket does not exist. (Service: S3, Error Code: NoSuchBucket, Bucket: ${bucket})`);
}

/** Reads an object's body, failing as S3 does when the bucket or the key is missing. */
export function requireObject(store: S3ObjectStore, bucket: string, key: string): string {
  const body = store.getObject(bucket, key);
  if (body !== undefined) return body;
  if (store.hasBucket && !store.hasBucket(bucket)) throw noSuchBucket(bucket);
  throw noSuchKey(bucket, key);
}
