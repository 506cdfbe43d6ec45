import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { StatesError } from '../../../src/interpreter/errors';
import { InMemoryS3, readItems, type ResolvedReaderConfig } from '../../../src/interpreter/map-run-io';

const getObject = 'arn:aws:states:::s3:getObject';
const listObjects = 'arn:aws:states:::s3:listObjectsV2';

function read(objects: Record<string, string>, key: string, config: ResolvedReaderConfig) {
  return readItems({ Resource: getObject, Parameters: { Bucket: 'b', Key: key }, ReaderConfig: config }, new InMemoryS3(objects));
}

function failure(run: () => unknown): { error: string | null; cause: string | null | undefined } {
  try {
    run();
  } catch (error) {
    if (error instanceof StatesError) return { error: error.error, cause: error.cause };
    throw error;
  }
  throw new Error('expected a StatesError');
}

describe('readItems: s3:getObject', () => {
  it('reads a JSON array, or the array an ItemsPointer selects', () => {
    const body = JSON.stringify({ inventory: { products: { featured: [{ id: 1 }, { id: 2 }] } } });
    expect(read({ 'b/a.json': '[1,"two",{"x":null}]' }, 'a.json', { InputType: 'JSON' })).toEqual([1, 'two', { x: null }]);
    expect(read({ 'b/p.json': body }, 'p.json', { InputType: 'JSON', ItemsPointer: '/inventory/products/featured' })).toEqual([
      { id: 1 },
      { id: 2 },
    ]);
  });

  it('fails like AWS when the JSON is not an array', () => {
    expect(failure(() => read({ 'b/o.json': '{"a":1}' }, 'o.json', { InputType: 'JSON' }))).toEqual({
      error: 'States.ItemReaderFailed',
      cause: 'Attempting to map over non-iterable node.',
    });
    expect(failure(() => read({ 'b/o.json': '{"a":1}' }, 'o.json', { InputType: 'JSON', ItemsPointer: '/nope' })).cause).toContain(
      "ItemsPointer '/nope'",
    );
    expect(failure(() => read({ 'b/bad.json': '[1,' }, 'bad.json', { InputType: 'JSON' })).cause).toContain('Invalid JSON in s3://b/bad.json');
  });

  it('reads JSON Lines, skipping blank lines', () => {
    expect(read({ 'b/l.jsonl': '{"a":1}\r\n\n[2]\n"three"\n' }, 'l.jsonl', { InputType: 'JSONL' })).toEqual([{ a: 1 }, [2], 'three']);
    expect(failure(() => read({ 'b/l.jsonl': '{"a":1}\nnope\n' }, 'l.jsonl', { InputType: 'JSONL' })).cause).toContain('line 2');
  });

  it('reads CSV with the configured delimiter, padding short rows and dropping extra fields', () => {
    const body = 'id|name|note\n1|a\n2|b|x|extra\n';
    expect(read({ 'b/f.csv': body }, 'f.csv', { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', CSVDelimiter: 'PIPE' })).toEqual([
      { id: '1', name: 'a', note: '' },
      { id: '2', name: 'b', note: 'x' },
    ]);
    expect(
      read({ 'b/t.tsv': '1\ta\n' }, 't.tsv', { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['id', 'name'], CSVDelimiter: 'TAB' }),
    ).toEqual([{ id: '1', name: 'a' }]);
  });

  it('rejects duplicate headers in the first row too', () => {
    expect(failure(() => read({ 'b/f.csv': 'a,a\n1,2\n' }, 'f.csv', { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }))).toEqual({
      error: 'States.ItemReaderFailed',
      cause: 'CSV headers cannot contain duplicates.',
    });
  });

  it('keeps the first MaxItems items (0 = all)', () => {
    const objects = { 'b/n.json': '[1,2,3,4]' };
    expect(read(objects, 'n.json', { InputType: 'JSON', MaxItems: 3 })).toEqual([1, 2, 3]);
    expect(read(objects, 'n.json', { InputType: 'JSON', MaxItems: 0 })).toEqual([1, 2, 3, 4]);
    expect(read(objects, 'n.json', { InputType: 'JSON', MaxItems: 10 })).toEqual([1, 2, 3, 4]);
  });

  it('names the missing object or bucket', () => {
    expect(failure(() => read({ 'b/other.json': '[]' }, 'missing.json', { InputType: 'JSON' }))).toEqual({
      error: 'States.ItemReaderFailed',
      cause: 'The specified key does not exist. (Service: S3, Error Code: NoSuchKey, Bucket: b, Key: missing.json)',
    });
    expect(failure(() => read({}, 'missing.json', { InputType: 'JSON' }))).toEqual({
      error: 'States.ItemReaderFailed',
      cause: 'The specified bucket does not exist. (Service: S3, Error Code: NoSuchBucket, Bucket: b)',
    });
  });

  it('says what to do when InputType is missing or unsupported', () => {
    expect(failure(() => read({ 'b/x': '[]' }, 'x', {})).cause).toContain('InputType is required');
    expect(failure(() => read({ 'b/x': 'PAR1' }, 'x', { InputType: 'PARQUET' })).cause).toContain('PARQUET');
  });

  it('rejects malformed resolved parameters with States.Runtime', () => {
    const s3 = new InMemoryS3();
    expect(failure(() => readItems({ Resource: getObject, Parameters: { Bucket: 'b', Key: 7 } }, s3))).toEqual({
      error: 'States.Runtime',
      cause: 'ItemReader.Parameters.Key must resolve to a string, got 7.',
    });
    expect(failure(() => readItems({ Resource: 'arn:aws:states:::s3:headObject', Parameters: { Bucket: 'b' } }, s3)).cause).toContain(
      's3:listObjectsV2',
    );
  });
});

describe('readItems: manifests', () => {
  it('reads an S3 Inventory manifest into one item per listed object', () => {
    const manifest = {
      sourceBucket: 'data',
      destinationBucket: 'arn:aws:s3:::inventory',
      version: '2016-11-30',
      fileFormat: 'CSV',
      fileSchema: 'Bucket, Key, Size, LastModifiedDate',
      files: [{ key: 'inv/data/files/1.csv', size: 1, MD5checksum: 'x' }, { key: 'inv/data/files/2.csv' }],
    };
    const objects = {
      'inventory/inv/data/manifest.json': JSON.stringify(manifest),
      'inventory/inv/data/files/1.csv': '"data","a.csv","3399","2022-11-16T00:29:32.000Z"\n',
      'inventory/inv/data/files/2.csv': '"data","b/c.json","12","2022-11-17T00:00:00.000Z"\n',
    };
    const items = readItems(
      { Resource: getObject, Parameters: { Bucket: 'inventory', Key: 'inv/data/manifest.json' }, ReaderConfig: { InputType: 'MANIFEST' } },
      new InMemoryS3(objects),
    );
    expect(items).toEqual([
      { Bucket: 'data', Key: 'a.csv', Size: '3399', LastModifiedDate: '2022-11-16T00:29:32.000Z' },
      { Bucket: 'data', Key: 'b/c.json', Size: '12', LastModifiedDate: '2022-11-17T00:00:00.000Z' },
    ]);
  });

  it('rejects an inventory in another format with a clear cause', () => {
    const objects = { 'b/m.json': JSON.stringify({ fileFormat: 'ORC', fileSchema: 'x', files: [] }) };
    expect(failure(() => read(objects, 'm.json', { InputType: 'MANIFEST' })).cause).toContain("fileFormat 'ORC'");
  });

  it('reads the data files an Athena manifest lists', () => {
    const objects = {
      'b/athena/manifest.csv': 's3://b/athena/part-1\ns3://b/athena/part-2\n',
      'b/athena/part-1': '{"n":1}\n{"n":2}\n',
      'b/athena/part-2': '{"n":3}\n',
    };
    expect(read(objects, 'athena/manifest.csv', { InputType: 'JSONL', ManifestType: 'ATHENA_DATA' })).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });
});

describe('readItems: s3:listObjectsV2', () => {
  const objects = {
    'b/in/2.json': '[3]',
    'b/in/1.json': '[1,2]',
    'b/in/': '',
    'b/other.txt': 'x',
  };

  it('lists the objects under a prefix, in key order, with AWS item shape', () => {
    const s3 = new InMemoryS3(objects, { now: () => new Date('2022-11-17T15:44:41.000Z') });
    const items = readItems({ Resource: listObjects, Parameters: { Bucket: 'b', Prefix: 'in/' } }, s3);
    const md5 = (text: string) => `"${createHash('md5').update(text).digest('hex')}"`;
    expect(items).toEqual([
      { Etag: md5(''), Key: 'in/', LastModified: 1668699881, Size: 0, StorageClass: 'STANDARD' },
      { Etag: md5('[1,2]'), Key: 'in/1.json', LastModified: 1668699881, Size: 5, StorageClass: 'STANDARD' },
      { Etag: md5('[3]'), Key: 'in/2.json', LastModified: 1668699881, Size: 3, StorageClass: 'STANDARD' },
    ]);
  });

  it('loads and flattens the listed objects with LOAD_AND_FLATTEN, skipping folder markers', () => {
    const items = readItems(
      {
        Resource: listObjects,
        Parameters: { Bucket: 'b', Prefix: 'in/' },
        ReaderConfig: { InputType: 'JSON', Transformation: 'LOAD_AND_FLATTEN', MaxItems: 2 },
      },
      new InMemoryS3(objects),
    );
    expect(items).toEqual([1, 2]);
  });

  it('fails on an unknown bucket, and lists nothing when the store cannot tell buckets apart', () => {
    const s3 = new InMemoryS3(objects);
    expect(failure(() => readItems({ Resource: listObjects, Parameters: { Bucket: 'none' } }, s3)).cause).toContain('NoSuchBucket');
    const storeWithoutBuckets = {
      getObject: s3.getObject.bind(s3),
      putObject: s3.putObject.bind(s3),
      listObjects: s3.listObjects.bind(s3),
    };
    expect(readItems({ Resource: listObjects, Parameters: { Bucket: 'none' } }, storeWithoutBuckets)).toEqual([]);
  });
});

describe('InMemoryS3', () => {
  it('round-trips objects and refuses seed paths without a bucket', () => {
    const s3 = new InMemoryS3();
    s3.putObject('b', 'k/1', 'héllo');
    expect(s3.getObject('b', 'k/1')).toBe('héllo');
    expect(s3.listObjects('b')[0].Size).toBe(6);
    expect(() => new InMemoryS3({ nobucket: 'x' })).toThrow(/"bucket\/key"/);
  });

  it('lists keys in S3 (UTF-8 byte) order', () => {
    const s3 = new InMemoryS3({ 'b/\u{1F600}': '', 'b/\uFFFD': '', 'b/a': '' });
    expect(s3.listObjects('b').map((o) => o.Key)).toEqual(['a', '\uFFFD', '\u{1F600}']);
  });
});

