/**
 * Distributed Map typing: the processor's input follows from the item source (ItemReader per
 * source, ItemsPath), `itemSelector` and `itemBatcher`; reader parameters are typed per resource;
 * a processor written for another input does not compile (m21); a ResultWriter changes the result.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { chain, returns, workflow, type Chain, type S3InventoryItem, type S3ObjectSummary, type Start } from '../../src/dsl/index';

type Next<C> = C extends Chain<any, infer S, any, any, any, any> ? S : never;
const Input = z.object({ bucket: z.string(), key: z.string(), orderId: z.string(), limit: z.number() });
const start = () => workflow('Etl', { input: Input });
const GET = 'arn:aws:states:::s3:getObject';
const LIST = 'arn:aws:states:::s3:listObjectsV2';
interface Order {
  id: string;
  total: number;
}
const OrderSchema = z.object({ id: z.string(), total: z.number() });

/** The input a processor receives, read from the first state it runs. */
function inputOf<T>(b: Start<T>) {
  return b.pass('Seen');
}

describe('items per reader source', () => {
  it('JSON and JSONL: the declared item type (returns<T>() or a zod schema)', () => {
    start().map('Orders', {
      itemReader: { resource: GET, parameters: (s) => ({ Bucket: s.bucket, Key: s.key }), readerConfig: { InputType: 'JSON' }, item: returns<Order>() },
      processor: (b) => {
        expectTypeOf(b).toEqualTypeOf<Start<Order>>();
        return inputOf(b);
      },
    });
    start().map('Orders', {
      itemReader: { resource: GET, parameters: { Bucket: 'in', Key: 'orders.jsonl' }, readerConfig: { InputType: 'JSONL' }, item: OrderSchema },
      processor: (b) => b.pass('P', { parameters: (s) => ({ id: s.id, total: s.total }) }),
    });
    start().map('Orders', {
      itemReader: { resource: GET, parameters: { Bucket: 'in', Key: 'orders.jsonl' }, readerConfig: { InputType: 'JSONL' }, item: OrderSchema },
      // @ts-expect-error an order has no `amount`
      processor: (b) => b.pass('P', { parameters: (s) => ({ amount: s.amount }) }),
    });
    // Without a declared item type, a JSON item is unknown.
    start().map('Any', {
      itemReader: { resource: GET, parameters: { Bucket: 'in', Key: 'x.json' }, readerConfig: { InputType: 'JSON' } },
      processor: (b) => {
        expectTypeOf(b).toEqualTypeOf<Start<unknown>>();
        return inputOf(b);
      },
    });
  });

  it('CSV: rows keyed by the given header tuple, or any column with a header row', () => {
    start().map('Rows', {
      itemReader: { resource: GET, parameters: { Bucket: 'in', Key: 'rows.csv' }, readerConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['sku', 'qty'] } },
      processor: (b) => {
        expectTypeOf(b).toEqualTypeOf<Start<{ sku: string; qty: string }>>();
        return inputOf(b);
      },
    });
    start().map('Rows', {
      itemReader: { resource: GET, parameters: { Bucket: 'in', Key: 'rows.csv' }, readerConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['sku', 'qty'] } },
      // @ts-expect-error the CSV has no `price` column
      processor: (b) => b.pass('P', { parameters: (s) => ({ price: s.price }) }),
    });
    start().map('Rows', {
      itemReader: { resource: GET, parameters: { Bucket: 'in', Key: 'rows.csv' }, readerConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' } },
      processor: (b) => {
        expectTypeOf(b).toEqualTypeOf<Start<Record<string, string>>>();
        return b.pass('P', { parameters: (s) => ({ anyColumn: s.whatever }) });
      },
    });
  });

  it('S3 inventory manifest: one row per object, keyed by the report columns', () => {
    start().map('Inventory', {
      itemReader: { resource: GET, parameters: { Bucket: 'inv', Key: 'manifest.json' }, readerConfig: { InputType: 'MANIFEST' } },
      processor: (b) => {
        expectTypeOf(b).toEqualTypeOf<Start<S3InventoryItem>>();
        return b.pass('P', { parameters: (s) => ({ bucket: s.Bucket, key: s.Key, size: s.Size }) });
      },
    });
  });

  it('listObjectsV2: object summaries, or the listed objects’ items with LOAD_AND_FLATTEN', () => {
    start().map('Objects', {
      itemReader: { resource: LIST, parameters: (s) => ({ Bucket: s.bucket, Prefix: 'in/' }) },
      processor: (b) => {
        expectTypeOf(b).toEqualTypeOf<Start<S3ObjectSummary>>();
        return b.pass('P', { parameters: (s) => ({ key: s.Key, size: s.Size, etag: s.Etag, modified: s.LastModified, cls: s.StorageClass }) });
      },
    });
    start().map('Objects', {
      itemReader: { resource: LIST, parameters: { Bucket: 'b' } },
      // @ts-expect-error an object summary has no `Body`
      processor: (b) => b.pass('P', { parameters: (s) => ({ body: s.Body }) }),
    });
    start().map('Flattened', {
      itemReader: { resource: LIST, parameters: { Bucket: 'b', Prefix: 'orders/' }, readerConfig: { InputType: 'JSONL', Transformation: 'LOAD_AND_FLATTEN' }, item: returns<Order>() },
      processor: (b) => {
        expectTypeOf(b).toEqualTypeOf<Start<Order>>();
        return inputOf(b);
      },
    });
  });

  it('itemSelector receives the reader’s item', () => {
    const m = start().map('Rows', {
      itemReader: { resource: GET, parameters: { Bucket: 'in', Key: 'rows.csv' }, readerConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['sku', 'qty'] } },
      itemSelector: (row, { input }) => ({ sku: row.sku, orderId: input.orderId }),
      processor: (b) => b.pass('P', { parameters: (s) => ({ line: s.sku, of: s.orderId }) }),
    });
    expectTypeOf<Next<typeof m>>().toEqualTypeOf<{ line: string; of: string }[]>();
    start().map('Rows', {
      itemReader: { resource: GET, parameters: { Bucket: 'in', Key: 'rows.csv' }, readerConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['sku', 'qty'] } },
      // @ts-expect-error a row has no `price`
      itemSelector: (row) => ({ price: row.price }),
      processor: (b) => b.pass('P'),
    });
  });
});

describe('reader parameters per resource', () => {
  it('getObject needs Bucket and Key', () => {
    start().map('M', {
      // @ts-expect-error getObject needs a Key
      itemReader: { resource: GET, parameters: { Bucket: 'in' }, readerConfig: { InputType: 'JSON' } },
      processor: (b) => b.pass('P'),
    });
    start().map('M', {
      // @ts-expect-error Bucket is a string
      itemReader: { resource: GET, parameters: (s) => ({ Bucket: s.limit, Key: 'k' }), readerConfig: { InputType: 'JSON' } },
      processor: (b) => b.pass('P'),
    });
  });

  it('listObjectsV2 takes Bucket and Prefix, not Key', () => {
    start().map('M', {
      // @ts-expect-error a listing has no Key
      itemReader: { resource: LIST, parameters: { Bucket: 'in', Key: 'k' } },
      processor: (b) => b.pass('P'),
    });
  });

  it('only the S3 reader resources exist', () => {
    start().map('M', {
      // @ts-expect-error not an ItemReader resource
      itemReader: { resource: 'arn:aws:states:::s3:headObject', parameters: { Bucket: 'in', Key: 'k' } },
      processor: (b) => b.pass('P'),
    });
    start().map('M', {
      itemReader: { resource: 'arn:aws-us-gov:states:::s3:getObject', parameters: { Bucket: 'in', Key: 'k' }, readerConfig: { InputType: 'JSON' } },
      processor: (b) => b.pass('P'),
    });
  });
});

describe('batches', () => {
  const csv = { resource: GET, parameters: { Bucket: 'in', Key: 'rows.csv' }, readerConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['sku', 'qty'] } } as const;
  type Row = { sku: string; qty: string };

  it('a child receives { Items, BatchInput }', () => {
    start().map('Batches', {
      itemReader: csv,
      itemBatcher: { maxItemsPerBatch: 100, batchInput: (s) => ({ orderId: s.orderId }) },
      processor: (b) => {
        expectTypeOf(b).toEqualTypeOf<Start<{ Items: Row[]; BatchInput: { orderId: string } }>>();
        return b.pass('P', { parameters: (s) => ({ first: s.Items[0].sku, order: s.BatchInput.orderId }) });
      },
    });
  });

  it('without batchInput, only Items', () => {
    start().map('Batches', {
      itemReader: csv,
      itemBatcher: { maxItemsPerBatch: (s) => s.limit },
      processor: (b) => {
        expectTypeOf(b).toEqualTypeOf<Start<{ Items: Row[] }>>();
        return inputOf(b);
      },
    });
    start().map('Batches', {
      itemReader: csv,
      itemBatcher: { maxItemsPerBatch: 10 },
      // @ts-expect-error a batch is not a row: the row is in `Items`
      processor: (b) => b.pass('P', { parameters: (s) => ({ sku: s.sku }) }),
    });
  });

  it('batches an inline array of the state input too', () => {
    const Lines = z.object({ lines: z.array(z.object({ sku: z.string() })) });
    workflow('Lines', { input: Lines }).map('Batches', {
      items: (s) => s.lines,
      itemBatcher: { maxItemsPerBatch: 5 },
      processor: (b) => {
        expectTypeOf(b).toEqualTypeOf<Start<{ Items: { sku: string }[] }>>();
        return inputOf(b);
      },
    });
  });
});

describe('processor input is checked, not trusted (m21)', () => {
  const forRows = chain<{ sku: string; qty: string }>().pass('Row');
  const forOrders = chain<{ orderId: string }>().pass('Order');
  const forBatches = chain<{ Items: { sku: string; qty: string }[] }>().pass('Batch');
  const csv = { resource: GET, parameters: { Bucket: 'in', Key: 'rows.csv' }, readerConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['sku', 'qty'] } } as const;

  it('accepts a processor built for the items', () => {
    start().map('Rows', { itemReader: csv, processor: () => forRows });
    start().map('Rows', { itemReader: csv, processor: (b) => b.next(forRows) });
    start().map('Rows', { itemReader: csv, itemBatcher: { maxItemsPerBatch: 10 }, processor: () => forBatches });
  });

  it('rejects a processor built for another input', () => {
    // @ts-expect-error the rows are { sku, qty }, not { orderId }
    start().map('Rows', { itemReader: csv, processor: () => forOrders });
    // @ts-expect-error with a batcher the processor receives batches, not rows
    start().map('Rows', { itemReader: csv, itemBatcher: { maxItemsPerBatch: 10 }, processor: () => forRows });
    // @ts-expect-error an annotation does not change what the processor receives
    start().map('Rows', { itemReader: csv, processor: (b: Start<{ orderId: string }>) => b.pass('P') });
  });

  it('also for an inline Map over the input', () => {
    const Lines = z.object({ lines: z.array(z.object({ sku: z.string(), qty: z.string() })) });
    workflow('Lines', { input: Lines }).map('Each', { items: (s) => s.lines, processor: () => forRows });
    // @ts-expect-error the lines are { sku, qty }
    workflow('Lines', { input: Lines }).map('Each', { items: (s) => s.lines, processor: () => forOrders });
  });
});

describe('result writer', () => {
  it('an S3 export makes the result the Map Run’s location', () => {
    const m = start().map('Export', {
      itemReader: { resource: LIST, parameters: { Bucket: 'b' } },
      resultWriter: { resource: 'arn:aws:states:::s3:putObject', parameters: (s) => ({ Bucket: s.bucket, Prefix: 'out/' }) },
      processor: (b) => b.pass('P'),
    }, { resultPath: 'export' });
    expectTypeOf<Next<typeof m>['export']>().toEqualTypeOf<{ MapRunArn: string; ResultWriterDetails: { Bucket: string; Key: string } }>();
    const inline = start().map('Keep', { itemReader: { resource: LIST, parameters: { Bucket: 'b' } }, processor: (b) => b.pass('P', { result: 1 }) });
    expectTypeOf<Next<typeof inline>>().toEqualTypeOf<1[]>();
    start().map('Export', {
      itemReader: { resource: LIST, parameters: { Bucket: 'b' } },
      // @ts-expect-error ResultWriter parameters are Bucket and Prefix
      resultWriter: { resource: 'arn:aws:states:::s3:putObject', parameters: { Bucket: 'out', Key: 'x' } },
      processor: (b) => b.pass('P'),
    });
  });
});

describe('inline Maps keep their item types (no false positives)', () => {
  const Lines = z.object({ lines: z.array(z.object({ sku: z.string(), qty: z.number() })) });
  type Line = { sku: string; qty: number };
  const lines = () => workflow('Lines', { input: Lines });

  it('over the whole input array, over `items`, over a JSONata literal', () => {
    workflow('All', { input: z.array(z.object({ sku: z.string() })) }).map('Each', {
      processor: (b) => {
        expectTypeOf(b).toEqualTypeOf<Start<{ sku: string }>>();
        return inputOf(b);
      },
    });
    lines().map('Each', {
      items: (s) => s.lines,
      processor: (b) => {
        expectTypeOf(b).toEqualTypeOf<Start<Line>>();
        return inputOf(b);
      },
    });
    lines().map('Each', { items: (s) => s.lines, processor: (b: Start<Line>) => b.pass('P') });
    lines().map('Each', { items: (s) => s.lines, itemSelector: (line) => ({ sku: line.sku }), processor: (b: Start<{ sku: string }>) => b.pass('P') });
    lines().map('Each', { items: (s) => s.lines, itemSelector: (line) => ({ sku: line.sku }), processor: () => chain<{ sku: string }>().pass('P') });
    // @ts-expect-error the selection has no qty
    lines().map('Each', { items: (s) => s.lines, itemSelector: (line) => ({ sku: line.sku }), processor: () => chain<{ qty: number }>().pass('P') });
  });
});
