import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonata, jsonPath, lambda, lambdaFunction, workflow } from '../../src/dsl/index';
import { compile, stateOf } from './compile-helpers';

const Input = z.object({ order: z.object({ id: z.string(), items: z.array(z.object({ sku: z.string(), qty: z.number() })) }), limit: z.number(), bucket: z.string() });
const flow = (language?: 'JSONata') => workflow('PM', { input: Input, ...(language && { queryLanguage: language }) });
const pick = lambdaFunction<{ sku: string }, { picked: boolean }>()('arn:aws:lambda:us-east-1:123456789012:function:pick');

describe('Parallel', () => {
  it('emits Branches, Parameters, ResultSelector, ResultPath, Retry and Catch (JSONPath)', () => {
    const definition = compile(
      flow()
        .parallel('Both', { parameters: (s) => ({ id: s.order.id }) }, [(b) => b.pass('A', { parameters: (s) => ({ id: s.id }) }), (b) => b.wait('B', { seconds: 1 }).pass('C')], {
          resultSelector: (r) => ({ first: r[0] }),
          resultPath: 'both',
        })
        .retry(['States.ALL'], { maxAttempts: 1 })
        .catch(['States.ALL'], (b) => b.fail('Broken')),
    );
    expect(definition.States.Both).toEqual({
      Type: 'Parallel',
      Branches: [
        { StartAt: 'A', States: { A: { Type: 'Pass', Parameters: { 'id.$': '$.id' }, End: true } } },
        { StartAt: 'B', States: { B: { Type: 'Wait', Seconds: 1, Next: 'C' }, C: { Type: 'Pass', End: true } } },
      ],
      Parameters: { 'id.$': '$.order.id' },
      ResultSelector: { 'first.$': '$[0]' },
      ResultPath: '$.both',
      Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 1 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Broken' }],
      End: true,
    });
  });

  it('emits Arguments and Output (JSONata)', () => {
    const state = stateOf(flow('JSONata').parallel('Both', [(b) => b.pass('A'), (b) => b.pass('B')], { parameters: (s) => ({ id: s.order.id }), output: ({ result }) => ({ a: result[0] }) }));
    const typed = stateOf(flow('JSONata').parallel('Both', { parameters: (s) => ({ id: s.order.id }) }, [(b) => b.pass('A'), (b) => b.pass('B')], { output: ({ result }) => ({ a: result[0] }) }));
    expect(typed).toEqual(state);
    expect(state).toEqual({
      Type: 'Parallel',
      Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }, { StartAt: 'B', States: { B: { Type: 'Pass', End: true } } }],
      Arguments: { id: '{% $states.input.order.id %}' },
      Output: { a: '{% $states.result[0] %}' },
      End: true,
    });
  });
});

describe('Map', () => {
  it('emits an inline Map with ItemsPath, ItemSelector and MaxConcurrency (JSONPath)', () => {
    const state = stateOf(
      flow().map(
        'Each',
        {
          items: (s) => s.order.items,
          itemSelector: (item, { input, index }) => ({ sku: item.sku, orderId: input.order.id, index }),
          maxConcurrency: 5,
          processor: (b) => b.task('Pick', lambda.invoke(pick, (s) => ({ sku: s.sku }))),
        },
        { resultPath: 'picked' },
      ),
    );
    expect(state).toEqual({
      Type: 'Map',
      ItemsPath: '$.order.items',
      ItemSelector: { 'sku.$': '$$.Map.Item.Value.sku', 'orderId.$': '$.order.id', 'index.$': '$$.Map.Item.Index' },
      ItemProcessor: {
        StartAt: 'Pick',
        States: {
          Pick: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:pick', Payload: { 'sku.$': '$.sku' } },
            End: true,
          },
        },
      },
      MaxConcurrency: 5,
      ResultPath: '$.picked',
      End: true,
    });
  });

  it('emits a distributed Map with ItemReader, ItemBatcher, ResultWriter, tolerances and Label', () => {
    const state = stateOf(
      flow().map('Crunch', {
        mode: 'DISTRIBUTED',
        executionType: 'EXPRESS',
        itemReader: {
          resource: 'arn:aws:states:::s3:getObject',
          parameters: (s) => ({ Bucket: s.bucket, Key: 'items.csv' }),
          readerConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItems: 100 },
        },
        itemBatcher: { maxItemsPerBatch: 10, batchInput: (s) => ({ orderId: s.order.id }) },
        resultWriter: { resource: 'arn:aws:states:::s3:putObject', parameters: { Bucket: 'out', Prefix: 'results' }, writerConfig: { OutputType: 'JSONL', Transformation: 'FLATTEN' } },
        maxConcurrency: (s) => s.limit,
        toleratedFailurePercentage: 5,
        toleratedFailureCount: 2,
        label: 'crunch',
        processor: (b) => b.pass('Work'),
      }),
    );
    expect(state).toEqual({
      Type: 'Map',
      Label: 'crunch',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        Parameters: { 'Bucket.$': '$.bucket', Key: 'items.csv' },
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItems: 100 },
      },
      ItemBatcher: { MaxItemsPerBatch: 10, BatchInput: { 'orderId.$': '$.order.id' } },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'Work', States: { Work: { Type: 'Pass', End: true } } },
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'out', Prefix: 'results' }, WriterConfig: { OutputType: 'JSONL', Transformation: 'FLATTEN' } },
      MaxConcurrencyPath: '$.limit',
      ToleratedFailurePercentage: 5,
      ToleratedFailureCount: 2,
      End: true,
    });
  });

  it('emits Items, ItemSelector, Output and Assign (JSONata)', () => {
    const state = stateOf(
      flow('JSONata').map(
        'Each',
        { items: (s) => s.order.items, itemSelector: (item) => ({ sku: item.sku }), toleratedFailurePercentage: 10, processor: (b) => b.pass('P') },
        { output: ({ result }) => ({ count: result }), assign: ({ result }) => ({ all: result }) },
      ),
    );
    expect(state).toEqual({
      Type: 'Map',
      Items: '{% $states.input.order.items %}',
      ItemSelector: { sku: '{% $states.context.Map.Item.Value.sku %}' },
      ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      ToleratedFailurePercentage: 10,
      Output: { count: '{% $states.result %}' },
      Assign: { all: '{% $states.result %}' },
      End: true,
    });
  });

  it('accepts a hand-written JSONPath for items', () => {
    const state = stateOf(flow().map('Each', { items: () => jsonPath<{ sku: string }[]>('$.order.items'), processor: (b) => b.pass('P') }));
    expect(state.ItemsPath).toBe('$.order.items');
  });
});

describe('distributed Map (JSONata)', () => {
  it('emits Arguments for the reader and writer, and JSONata settings', () => {
    const state = stateOf(
      flow('JSONata').map('Crunch', {
        mode: 'DISTRIBUTED',
        itemReader: { resource: 'arn:aws:states:::s3:listObjectsV2', parameters: (s) => ({ Bucket: s.bucket, Prefix: 'in/' }), readerConfig: { MaxItems: jsonata<number>`10 * 10` } },
        itemBatcher: { maxInputBytesPerBatch: (s) => s.limit },
        resultWriter: { resource: 'arn:aws:states:::s3:putObject', parameters: (s) => ({ Bucket: s.bucket, Prefix: 'out/' }) },
        maxConcurrency: (s) => s.limit,
        toleratedFailureCount: jsonata<number>`1 + 1`,
        processor: (b) => b.pass('Work'),
      }),
    );
    expect(state).toEqual({
      Type: 'Map',
      ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Arguments: { Bucket: '{% $states.input.bucket %}', Prefix: 'in/' }, ReaderConfig: { MaxItems: '{% 10 * 10 %}' } },
      ItemBatcher: { MaxInputBytesPerBatch: '{% $states.input.limit %}' },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Work', States: { Work: { Type: 'Pass', End: true } } },
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Arguments: { Bucket: '{% $states.input.bucket %}', Prefix: 'out/' } },
      MaxConcurrency: '{% $states.input.limit %}',
      ToleratedFailureCount: '{% 1 + 1 %}',
      End: true,
    });
  });

  it('emits MaxItemsPath and percentage paths in JSONPath', () => {
    const state = stateOf(
      flow().map('Crunch', {
        itemReader: { resource: 'arn:aws:states:::s3:getObject', parameters: { Bucket: 'b', Key: 'k.json' }, readerConfig: { InputType: 'JSON', MaxItems: jsonPath<number>('$.limit') } },
        toleratedFailurePercentage: (s) => s.limit,
        toleratedFailureCount: (s) => s.limit,
        processor: (b) => b.pass('Work'),
      }),
    );
    expect(state.ItemReader).toEqual({ Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k.json' }, ReaderConfig: { InputType: 'JSON', MaxItemsPath: '$.limit' } });
    expect(state).toMatchObject({ ToleratedFailurePercentagePath: '$.limit', ToleratedFailureCountPath: '$.limit' });
  });
});
