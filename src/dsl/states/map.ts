import type { ChainNode } from '../ast/chain';
import type { ItemBatcherNode, ItemReaderNode, MapNode, ResultWriterNode } from '../ast/states';
import type { MapItemContextObject } from '../context/context-object';
import { contextSelector } from '../context/context-object';
import { DslUsageError } from '../errors/dsl-usage-error';
import { selector, type Selector } from '../paths/selector';
import { captureSource } from '../source/capture-source';
import type { Expr } from '../values/expr';
import { toValueNode } from '../values/to-value-node';
import { dataFlowFields, type DataFlowOptions } from './data-flow-options';
import { dynamicSettingNode, type DynamicSetting } from './dynamic-setting';
import type { StateOptions } from './state-options';
import { commonFields } from './task';

/** What an `itemSelector` callback can read besides the item. */
export interface ItemScope<S, Item> {
  readonly input: Selector<S>;
  readonly index: Selector<number>;
  readonly ctx: Selector<MapItemContextObject<Item>>;
}

/** Distributed Map: read items from S3 (`ItemReader`). */
export interface ItemReaderOptions<S> {
  resource: 'arn:aws:states:::s3:getObject' | 'arn:aws:states:::s3:listObjectsV2' | (string & {});
  parameters?: Record<string, unknown> | ((s: Selector<S>) => Record<string, unknown>);
  readerConfig?: {
    InputType?: 'CSV' | 'JSON' | 'JSONL' | 'PARQUET' | 'MANIFEST';
    CSVHeaderLocation?: 'FIRST_ROW' | 'GIVEN';
    CSVHeaders?: string[];
    CSVDelimiter?: 'COMMA' | 'PIPE' | 'SEMICOLON' | 'SPACE' | 'TAB';
    /** A number, or a selector (→ `MaxItemsPath`). */
    MaxItems?: number | Expr<number>;
    Transformation?: 'NONE' | 'LOAD_AND_FLATTEN';
    ManifestType?: 'ATHENA_DATA' | 'S3_INVENTORY';
    ItemsPointer?: string;
  };
}

/** Distributed Map: batch items per child execution (`ItemBatcher`). */
export interface ItemBatcherOptions<S> {
  maxItemsPerBatch?: DynamicSetting<S, number>;
  maxInputBytesPerBatch?: DynamicSetting<S, number>;
  batchInput?: (s: Selector<S>) => unknown;
}

/** Distributed Map: write results to S3 (`ResultWriter`). */
export interface ResultWriterOptions<S> {
  resource?: 'arn:aws:states:::s3:putObject' | (string & {});
  parameters?: Record<string, unknown> | ((s: Selector<S>) => Record<string, unknown>);
  writerConfig?: { OutputType?: 'JSON' | 'JSONL'; Transformation?: 'NONE' | 'COMPACT' | 'FLATTEN' };
}

/** How a Map iterates; `processor` runs once per item (or batch). */
export interface MapIteration<S, Item, Selected> {
  /**
   * The array to iterate (`ItemsPath` / `Items`); defaults to the state input. In a JSONata state
   * it may also be a literal array (`Items: [1, 2, 3]`), whose elements may be expressions.
   */
  items?: (s: Selector<S>) => Expr<readonly Item[]> | readonly (Item | Expr<Item>)[];
  /** Builds each iteration's input (`ItemSelector`); defaults to the item. */
  itemSelector?: (item: Selector<Item>, scope: ItemScope<S, Item>) => Selected;
  /** `INLINE` (default) or `DISTRIBUTED` (child executions, S3 readers/writers, batching). */
  mode?: 'INLINE' | 'DISTRIBUTED';
  /** Child execution type of a Distributed Map. */
  executionType?: 'STANDARD' | 'EXPRESS';
  itemReader?: ItemReaderOptions<S>;
  itemBatcher?: ItemBatcherOptions<S>;
  resultWriter?: ResultWriterOptions<S>;
  maxConcurrency?: DynamicSetting<S, number>;
  toleratedFailurePercentage?: DynamicSetting<S, number>;
  toleratedFailureCount?: DynamicSetting<S, number>;
  /** Distributed Map Run label (≤ 40 characters). */
  label?: string;
  /**
   * `ItemProcessor.ProcessorConfig` exactly as written, for definitions that spell out what the
   * compiler would otherwise derive from `mode`/`executionType` (an explicit `{ Mode: 'INLINE' }`,
   * a Distributed Map without `ExecutionType`).
   */
  processorConfig?: { Mode?: 'INLINE' | 'DISTRIBUTED'; ExecutionType?: 'STANDARD' | 'EXPRESS' };
  /**
   * Emit the deprecated field names AWS still accepts: `iterator` writes `Iterator` instead of
   * `ItemProcessor`, `parameters` writes `Parameters` instead of `ItemSelector`. For imported
   * definitions that must compile back unchanged; new workflows should not use it.
   */
  legacyFields?: { iterator?: boolean; parameters?: boolean };
}

/** Options of `.map(...)` about its result (same as a Task's). */
export interface MapOptions<S, R> extends StateOptions, DataFlowOptions<S, R> {}

export function mapNode<S>(
  name: string,
  processor: ChainNode,
  iteration: MapIteration<S, unknown, unknown>,
  options: MapOptions<S, unknown> = {},
): MapNode {
  if (iteration.label !== undefined && iteration.label.length > 40) {
    throw new DslUsageError(`Map '${name}': label '${iteration.label}' is longer than 40 characters; shorten it.`);
  }
  const itemsValue = iteration.items?.(selector<S>('input'));
  return Object.freeze({
    kind: 'Map',
    name,
    source: captureSource(),
    ...commonFields(options),
    processor,
    mode:
      iteration.mode ??
      iteration.processorConfig?.Mode ??
      (iteration.itemReader || iteration.resultWriter || iteration.itemBatcher ? 'DISTRIBUTED' : 'INLINE'),
    ...(iteration.processorConfig && { processorConfig: Object.freeze({ ...iteration.processorConfig }) }),
    ...(iteration.legacyFields && { legacyFields: Object.freeze({ ...iteration.legacyFields }) }),
    ...(iteration.executionType && { executionType: iteration.executionType }),
    ...(itemsValue !== undefined && { items: toValueNode(itemsValue, 'items') }),
    ...(iteration.itemSelector && { itemSelector: itemSelectorNode(iteration.itemSelector) }),
    ...(iteration.itemReader && { itemReader: itemReaderNode(iteration.itemReader) }),
    ...(iteration.itemBatcher && { itemBatcher: itemBatcherNode(iteration.itemBatcher) }),
    ...(iteration.resultWriter && { resultWriter: resultWriterNode(iteration.resultWriter) }),
    ...(iteration.maxConcurrency !== undefined && { maxConcurrency: dynamicSettingNode(iteration.maxConcurrency, 'maxConcurrency') }),
    ...(iteration.toleratedFailurePercentage !== undefined && {
      toleratedFailurePercentage: dynamicSettingNode(iteration.toleratedFailurePercentage, 'toleratedFailurePercentage'),
    }),
    ...(iteration.toleratedFailureCount !== undefined && {
      toleratedFailureCount: dynamicSettingNode(iteration.toleratedFailureCount, 'toleratedFailureCount'),
    }),
    ...(iteration.label !== undefined && { label: iteration.label }),
    ...dataFlowFields(options),
    retry: Object.freeze([]),
    catch: Object.freeze([]),
  } as MapNode);
}

function itemSelectorNode<S>(build: (item: Selector<unknown>, scope: ItemScope<S, unknown>) => unknown) {
  const ctx = contextSelector<MapItemContextObject<unknown>>();
  return toValueNode(build(ctx.Map.Item.Value as Selector<unknown>, { input: selector<S>('input'), index: ctx.Map.Item.Index, ctx }), 'itemSelector');
}

function templateOf<S>(value: Record<string, unknown> | ((s: Selector<S>) => Record<string, unknown>) | undefined, field: string) {
  if (value === undefined) return undefined;
  return toValueNode(typeof value === 'function' ? value(selector<S>('input')) : value, field);
}

function itemReaderNode<S>(options: ItemReaderOptions<S>): ItemReaderNode {
  const payload = templateOf(options.parameters, 'itemReader.parameters');
  return Object.freeze({
    resource: options.resource,
    ...(payload && { payload }),
    ...(options.readerConfig && { readerConfig: toValueNode(options.readerConfig, 'itemReader.readerConfig') }),
  });
}

function itemBatcherNode<S>(options: ItemBatcherOptions<S>): ItemBatcherNode {
  return Object.freeze({
    ...(options.maxItemsPerBatch !== undefined && { maxItemsPerBatch: dynamicSettingNode(options.maxItemsPerBatch, 'maxItemsPerBatch') }),
    ...(options.maxInputBytesPerBatch !== undefined && {
      maxInputBytesPerBatch: dynamicSettingNode(options.maxInputBytesPerBatch, 'maxInputBytesPerBatch'),
    }),
    ...(options.batchInput && { batchInput: toValueNode(options.batchInput(selector<S>('input')), 'batchInput') }),
  });
}

function resultWriterNode<S>(options: ResultWriterOptions<S>): ResultWriterNode {
  const payload = templateOf(options.parameters, 'resultWriter.parameters');
  return Object.freeze({
    ...(options.resource && { resource: options.resource }),
    ...(payload && { payload }),
    ...(options.writerConfig && { writerConfig: toValueNode(options.writerConfig, 'resultWriter.writerConfig') }),
  });
}
