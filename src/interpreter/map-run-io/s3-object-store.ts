import { createHash } from 'node:crypto';

/** One entry of a bucket listing, shaped as Step Functions hands it to a Map iteration. */
export interface S3ObjectSummary {
  Key: string;
  Size: number;
  LastModified: string;
  Etag: string;
  StorageClass: string;
}

/**
 * The S3 the interpreter reads Map items from and writes Map results to. Synchronous on purpose:
 * a mocked store never waits, and keeping the Map's data pipeline pure makes it testable alone.
 */
export interface S3ObjectStore {
  getObject(bucket: string, key: string): string | undefined;
  putObject(bucket: string, key: string, body: string): void;
  /** Objects of `bucket` whose key starts with `prefix`, in S3's order (ascending by key). */
  listObjects(bucket: string, prefix?: string): S3ObjectSummary[];
  /** Whether the bucket exists; when given, reading a missing bucket fails as S3's NoSuchBucket. */
  hasBucket?(bucket: string): boolean;
}

interface StoredObject {
  body: string;
  size: number;
  etag: string;
  lastModified: string;
}

export interface InMemoryS3Options {
  /** Stamps `LastModified` on every put; defaults to the wall clock. Pass the virtual clock here. */
  now?: () => Date;
}

/**
 * An S3 held in memory, seeded with `{ "bucket/key": body }` (the shape of a conformance case's
 * `s3Objects`).
 *
 * @example
 * const s3 = new InMemoryS3({ 'my-bucket/items.json': '[1, 2, 3]' });
 * s3.getObject('my-bucket', 'items.json'); // '[1, 2, 3]'
 */
export class InMemoryS3 implements S3ObjectStore {
  private readonly buckets = new Map<string, Map<string, StoredObject>>();
  private readonly now: () => Date;

  constructor(objects: Record<string, string> = {}, options: InMemoryS3Options = {}) {
    this.now = options.now ?? (() => new Date());
    for (const [path, body] of Object.entries(objects)) {
      const slash = path.indexOf('/');
      if (slash <= 0 || slash === path.length - 1) {
        throw new Error(`InMemoryS3: object path '${path}' must be "bucket/key" (both non-empty).`);
      }
      this.putObject(path.slice(0, slash), path.slice(slash + 1), body);
    }
  }

  getObject(bucket: string, key: string): string | undefined {
    return this.buckets.get(bucket)?.get(key)?.body;
  }

  putObject(bucket: string, key: string, body: string): void {
    let objects = this.buckets.get(bucket);
    if (!objects) {
      objects = new Map();
      this.buckets.set(bucket, objects);
    }
    objects.set(key, {
      body,
      size: Buffer.byteLength(body, 'utf8'),
      // S3's ETag of a single-part upload is the quoted MD5 of the body.
      etag: `"${createHash('md5').update(body, 'utf8').digest('hex')}"`,
      lastModified: this.now().toISOString(),
    });
  }

  listObjects(bucket: string, prefix = ''): S3ObjectSummary[] {
    const objects = this.buckets.get(bucket);
    if (!objects) return [];
    return [...objects.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => compareKeys(a, b))
      .map(([key, object]) => ({
        Etag: object.etag,
        Key: key,
        LastModified: object.lastModified,
        Size: object.size,
        StorageClass: 'STANDARD',
      }));
  }

  /** Whether the bucket exists (has ever held an object). */
  hasBucket(bucket: string): boolean {
    return this.buckets.has(bucket);
  }
}

/** S3 lists keys in ascending UTF-8 binary order, which differs from JS's UTF-16 order. */
function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
