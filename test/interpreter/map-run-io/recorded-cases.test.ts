import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/asl/types';
import { EXECUTIONS_FILE, loadExecutionCases } from '../../../src/conformance/cases';
import { recordedCasesPresent } from '../../support/recorded-cases';
import { StatesError } from '../../../src/interpreter/errors';
import { InMemoryS3, batchItems, readItems, type ResolvedItemBatcher, type ResolvedItemReader } from '../../../src/interpreter/map-run-io';

/**
 * The recorded AWS executions whose Map reads S3 (their processor is a bare Pass, so the Map's
 * output is exactly the item, or batch, list). Each row gives the ItemReader as the engine would
 * resolve it from the case's definition and input; objects and expectations come from the file.
 */
interface RecordedCase {
  id: string;
  feature: string;
  input: Json;
  s3Objects: Record<string, string>;
  expected: { status: string; output?: Json; error?: string; cause?: string };
}

const present = recordedCasesPresent('ItemReader against the recorded AWS executions', EXECUTIONS_FILE);
const cases = new Map<string, RecordedCase>(present ? loadExecutionCases<RecordedCase>().map((c) => [c.id, c]) : []);

function recorded(idEnd: string): RecordedCase {
  const matches = [...cases.values()].filter((c) => c.id.endsWith(idEnd));
  if (matches.length !== 1) throw new Error(`expected one recorded case ending with ${idEnd}, found ${matches.length}`);
  return matches[0];
}

const getObject = 'arn:aws:states:::s3:getObject';
const file = (key: string) => ({ Bucket: 'bucket-uid0001', Key: key });

const itemCases: { id: string; reader: ResolvedItemReader; batcher?: ResolvedItemBatcher }[] = [
  {
    id: 'test_map_item_reader_base_json_max_items#get_execution_history',
    reader: { Resource: getObject, Parameters: file('file.json'), ReaderConfig: { InputType: 'JSON', MaxItems: 2 } },
  },
  {
    id: 'test_map_item_reader_base_json_max_items_jsonata#get_execution_history',
    reader: { Resource: getObject, Parameters: file('file.json'), ReaderConfig: { InputType: 'JSON', MaxItems: 2 } },
  },
  {
    // MaxItemsPath "$maxItems": the variable holds 2 when the Map runs.
    id: '[MAP_STATE_REFERENCE_IN_MAX_ITEMS_PATH]#get_execution_history',
    reader: { Resource: getObject, Parameters: file('file.json'), ReaderConfig: { InputType: 'JSON', MaxItems: 2 } },
  },
  {
    id: '[VALID_ITEMS_PATH_FROM_ITEM_READER]#get_execution_history',
    reader: { Resource: getObject, Parameters: file('file.json'), ReaderConfig: { InputType: 'JSON' } },
  },
  {
    id: 'test_map_item_reader_csv_headers_decl_extra_fields#get_execution_history',
    reader: {
      Resource: getObject,
      Parameters: file('file.csv'),
      ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['H1'] },
    },
  },
  {
    id: 'test_map_item_reader_csv_headers_first_row_typed_headers#get_execution_history',
    reader: { Resource: getObject, Parameters: file('file.csv'), ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' } },
  },
  ...[0, 100000000, 2].map((maxItems) => ({
    id: `test_map_item_reader_csv_max_items[${maxItems}]#get_execution_history`,
    reader: {
      Resource: getObject,
      Parameters: file('file.csv'),
      ReaderConfig: { InputType: 'CSV' as const, CSVHeaderLocation: 'FIRST_ROW' as const, MaxItems: maxItems },
    },
  })),
  {
    id: 'test_map_item_batching_base_json_max_per_batch_jsonata#get_execution_history',
    reader: { Resource: getObject, Parameters: file('file.json'), ReaderConfig: { InputType: 'JSON', MaxItems: 2 } },
    batcher: { MaxItemsPerBatch: 2, MaxInputBytesPerBatch: 150000, BatchInput: { BatchTimestamp: '2026-01-01T00:00:00.000Z' } },
  },
];

describe.skipIf(!present)('ItemReader against the recorded AWS executions', () => {
  it.each(itemCases)('$id', ({ id, reader, batcher }) => {
    const c = recorded(id);
    const items = readItems(reader, new InMemoryS3(c.s3Objects));
    const output = batcher ? batchItems(items, batcher) : items;
    if (batcher?.BatchInput) {
      // BatchTimestamp was masked in the recording: compare everything else.
      const strip = (batches: Json) => (batches as { Items: Json }[]).map(({ Items }) => ({ Items }));
      expect(strip(output)).toEqual(strip(c.expected.output as Json));
      expect(output.every((batch) => (batch as { BatchInput?: Json }).BatchInput !== undefined)).toBe(true);
    } else {
      expect(output).toEqual(c.expected.output);
    }
  });

  it('fails with AWS cause on duplicate given CSV headers', () => {
    const c = recorded('test_map_item_reader_csv_headers_decl_duplicate_headers#get_execution_history');
    const reader: ResolvedItemReader = {
      Resource: getObject,
      Parameters: file('file.csv'),
      ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['H1', 'H1', 'H3'] },
    };
    const thrown = captureError(() => readItems(reader, new InMemoryS3(c.s3Objects)));
    expect(c.expected.status).toBe('FAILED');
    expect({ error: thrown.error, cause: thrown.cause }).toEqual({ error: c.expected.error, cause: c.expected.cause });
  });

  it('lists a bucket with listObjectsV2 as AWS shapes the items', () => {
    const c = recorded('test_map_item_reader_base_list_objects_v2#get_execution_history');
    const items = readItems(
      { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'bucket-uid0001' } },
      new InMemoryS3(c.s3Objects, { now: () => new Date('2026-01-02T03:04:05.678Z') }),
    ) as Record<string, Json>[];
    const expected = c.expected.output as Record<string, Json>[];
    // Etag and LastModified were masked in the recording; the rest must match exactly.
    const unmasked = (item: Record<string, Json>) => ({ ...item, Etag: 'masked', LastModified: 'masked' });
    expect(items.map(unmasked)).toEqual(expected.map(unmasked));
    // S3's ETag of a single-part object: its quoted MD5.
    expect(items[0].Etag).toBe(`"${createHash('md5').update('0HelloWorld!').digest('hex')}"`);
    expect(items[0].LastModified).toBe(Date.parse('2026-01-02T03:04:05.678Z') / 1000 - 0.678);
  });
});

function captureError(run: () => unknown): StatesError {
  try {
    run();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error('expected a StatesError');
}
