/**
 * The Distributed Map types (test/dsl/distributed-map.test-d.ts) promise each child an input of a
 * given shape; here the same typed workflows are compiled and run on the interpreter, and each
 * child's input is checked against what the type says: a CSV row keyed by the given headers, a
 * listing's object summary (`Etag`, `Key`, `LastModified`, `Size`, `StorageClass`), a batch
 * `{ Items, BatchInput }`. The declared `item` type is not emitted.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileWorkflow } from '../../src/compiler/index';
import { returns, workflow, type S3ObjectSummary } from '../../src/dsl/index';
import { InMemoryS3, Interpreter } from '../../src/interpreter';
import { stateOf } from './compile-helpers';

const Input = z.object({ bucket: z.string(), orderId: z.string() });

async function childInputs(flow: Parameters<typeof compileWorkflow>[0], input: unknown, objects: Record<string, string>): Promise<unknown[]> {
  const sfn = new Interpreter({ startTime: '2024-01-01T00:00:00Z', s3: new InMemoryS3(objects) });
  const execution = sfn.createStateMachine(compileWorkflow(flow).definition).startExecution(input as never);
  const result = await execution.result;
  expect(result.status).toBe('SUCCEEDED');
  return execution.mapRuns()[0].executions.map((child) => child.input);
}

describe('Distributed Map items at run time match their types', () => {
  it('CSV with given headers: rows keyed by the headers; with a batcher: { Items, BatchInput }', async () => {
    const flow = workflow('Rows', { input: Input }).map('Rows', {
      itemReader: {
        resource: 'arn:aws:states:::s3:getObject',
        parameters: (s) => ({ Bucket: s.bucket, Key: 'rows.csv' }),
        readerConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['sku', 'qty'] },
      },
      itemBatcher: { maxItemsPerBatch: 2, batchInput: (s) => ({ orderId: s.orderId }) },
      processor: (b) => b.pass('Batch', { parameters: (s) => ({ first: s.Items[0].sku, order: s.BatchInput.orderId }) }),
    });
    const inputs = await childInputs(flow, { bucket: 'in', orderId: 'o-1' }, { 'in/rows.csv': 'a,1\nb,2\nc,3\n' });
    expect(inputs).toEqual([
      { Items: [{ sku: 'a', qty: '1' }, { sku: 'b', qty: '2' }], BatchInput: { orderId: 'o-1' } },
      { Items: [{ sku: 'c', qty: '3' }], BatchInput: { orderId: 'o-1' } },
    ]);
  });

  it('listObjectsV2: each child gets exactly the S3ObjectSummary fields', async () => {
    const flow = workflow('Objects', { input: Input }).map('Objects', {
      itemReader: { resource: 'arn:aws:states:::s3:listObjectsV2', parameters: (s) => ({ Bucket: s.bucket, Prefix: 'in/' }) },
      processor: (b) => b.pass('Object', { parameters: (s) => ({ key: s.Key, size: s.Size }) }),
    });
    const [first] = (await childInputs(flow, { bucket: 'b', orderId: 'o' }, { 'b/in/x.json': '[]' })) as S3ObjectSummary[];
    const summaryFields: Record<keyof S3ObjectSummary, true> = { Etag: true, Key: true, LastModified: true, Size: true, StorageClass: true };
    expect(Object.keys(first).sort()).toEqual(Object.keys(summaryFields).sort());
    expect(first).toMatchObject({ Key: 'in/x.json', Size: 2 });
    expect(typeof first.LastModified).toBe('number');
  });

  it('JSONL with a declared item type: the type is not emitted', () => {
    interface Order {
      id: string;
    }
    const state = stateOf(
      workflow('Orders', { input: Input }).map('Orders', {
        itemReader: { resource: 'arn:aws:states:::s3:getObject', parameters: { Bucket: 'in', Key: 'orders.jsonl' }, readerConfig: { InputType: 'JSONL' }, item: returns<Order>() },
        processor: (b) => b.pass('Order', { parameters: (s) => ({ id: s.id }) }),
      }),
    );
    expect(state.ItemReader).toEqual({ Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'in', Key: 'orders.jsonl' }, ReaderConfig: { InputType: 'JSONL' } });
  });
});
