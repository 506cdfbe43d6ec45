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
import type { ItemBatcherOptions, ItemReaderOptions, ResultWriterOptions, S3Parameters } from './map-items';
import type { StateOptions } from './state-options';
import type { AnyVariables } from '../variables/assignments';
import { commonFields } from './task';
import { LIMITS } from '../../asl/limits';

/** What an `itemSelector` callback can read besides the item. */
export interface ItemScope<S, Item> {
  readonly input: Selector<S>;
  readonly index: Selector<number>;
  readonly ctx: Selector<MapItemContextObject<Item>>;
}

export type {
  ItemBatcherOptions,
  ItemReaderOptions,
  ItemSpec,
  IterationInput,
  MapItem,
  MapResult,
  MapRunExport,
  MapSelection,
  Pending,
  ReaderConfig,
  ReaderItem,
  ResultWriterOptions,
  S3GetObjectReader,
  S3GetObjectReaderParameters,
  S3InventoryItem,
  S3ListObjectsReader,
  S3ListObjectsReaderParameters,
  S3ObjectSummary,
  S3ResultWriterParameters,
  CsvRow,
} from './map-items';

/**
 * How a Map iterates; `processor` runs once per item (or batch). `Reader`, `Batcher` and `Writer`
 * are the exact `itemReader`/`itemBatcher`/`resultWriter` given, so the item type, the batch shape
 * and the result follow from them (see `map-items.ts`).
 */
export interface MapIteration<
  S,
  Item,
  Selected,
  Reader extends ItemReaderOptions<S> = ItemReaderOptions<S>,
  Batcher extends ItemBatcherOptions<S> = ItemBatcherOptions<S>,
  Writer extends ResultWriterOptions<S> = ResultWriterOptions<S>,
  /** What `itemSelector` receives (the item type once known). */
  ItemIn = Item,
> {
  /**
   * The array to iterate (`ItemsPath` / `Items`); defaults to the state input. In a JSONata state
   * it may also be a literal array (`Items: [1, 2, 3]`), whose elements may be expressions.
   */
  items?: (s: Selector<S>) => Expr<readonly Item[]> | readonly (Item | Expr<Item>)[];
  /** Builds each iteration's input (`ItemSelector`); defaults to the item. */
  itemSelector?: (item: Selector<ItemIn>, scope: ItemScope<S, ItemIn>) => Selected;
  /** `INLINE` (default) or `DISTRIBUTED` (child executions, S3 readers/writers, batching). */
  mode?: 'INLINE' | 'DISTRIBUTED';
  /** Child execution type of a Distributed Map. */
  executionType?: 'STANDARD' | 'EXPRESS';
  /** Distributed Map: read the items from S3; the processor's input follows from the source. */
  itemReader?: Reader;
  /** Distributed Map: hand each child a batch `{ Items, BatchInput }` instead of one item. */
  itemBatcher?: Batcher;
  /** Distributed Map: write the results to S3; the Map's result is then the Map Run's export location. */
  resultWriter?: Writer;
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
export interface MapOptions<S, R, V = AnyVariables> extends StateOptions, DataFlowOptions<S, R, V> {}

export function mapNode<S>(
  name: string,
  processor: ChainNode,
  iteration: MapIteration<S, unknown, unknown>,
  options: MapOptions<S, unknown> = {},
): MapNode {
  if (iteration.label !== undefined && iteration.label.length > LIMITS.mapLabelLength) {
    throw new DslUsageError(`Map '${name}': label '${iteration.label}' is longer than ${LIMITS.mapLabelLength} characters; shorten it.`);
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

function templateOf<S>(value: S3Parameters<S, unknown> | undefined, field: string) {
  if (value === undefined) return undefined;
  return toValueNode(typeof value === 'function' ? (value as (s: Selector<S>) => unknown)(selector<S>('input')) : value, field);
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
