/**
 * What a Distributed Map iterates, at type level: the items an `ItemReader` yields per source
 * (AWS DG "ItemReader (Map)"; /work/shared/asl-reference.md §8.3), the batch a child receives with
 * an `ItemBatcher` (§8.4) and the result with a `ResultWriter` (§8.5). Nothing here runs: the
 * reader's values are compiled by `map.ts`; these types make the processor's input follow from them.
 */
import type { output as ZodOutput, ZodType } from 'zod';
import type { Returns } from '../integrations/task-integration';
import type { Selector } from '../paths/selector';
import type { Expr, Resolve, Template } from '../values/expr';
import type { DynamicSetting } from './dynamic-setting';

/** `ItemReader.Resource` reading one object (any partition). */
export type S3GetObjectResource = `arn:${string}:states:::s3:getObject`;
/** `ItemReader.Resource` listing a bucket (any partition). */
export type S3ListObjectsResource = `arn:${string}:states:::s3:listObjectsV2`;

/** `ItemReader.Parameters` / `Arguments` of `s3:getObject`. */
export interface S3GetObjectReaderParameters {
  Bucket: string;
  Key: string;
  /** Not for Parquet files. */
  VersionId?: string;
  ExpectedBucketOwner?: string;
}
/** `ItemReader.Parameters` / `Arguments` of `s3:listObjectsV2`. */
export interface S3ListObjectsReaderParameters {
  Bucket: string;
  Prefix?: string;
  ExpectedBucketOwner?: string;
}

/** Reader/writer parameters: a template, or built from the state input. */
export type S3Parameters<S, P> = Template<P> | ((s: Selector<S>) => Template<P>);

/** `ItemReader.ReaderConfig`. */
export interface ReaderConfig {
  InputType?: 'CSV' | 'JSON' | 'JSONL' | 'PARQUET' | 'MANIFEST';
  CSVHeaderLocation?: 'FIRST_ROW' | 'GIVEN';
  /** With `CSVHeaderLocation: 'GIVEN'`; a literal tuple types each row's fields. */
  CSVHeaders?: readonly string[];
  CSVDelimiter?: 'COMMA' | 'PIPE' | 'SEMICOLON' | 'SPACE' | 'TAB';
  /** A number, or a selector (→ `MaxItemsPath`). */
  MaxItems?: number | Expr<number>;
  Transformation?: 'NONE' | 'LOAD_AND_FLATTEN';
  ManifestType?: 'ATHENA_DATA' | 'S3_INVENTORY';
  /** JSON Pointer into a JSON file to the array to iterate (`/inventory/products`). */
  ItemsPointer?: string;
}

/** A declared item type: `returns<Order>()` or a zod schema of one item. */
export type ItemSpec<T = unknown> = Returns<T> | ZodType<T>;

interface ReaderOptionsBase<C extends ReaderConfig | undefined> {
  readerConfig?: C;
  /**
   * Type-only: the type of one item of a JSON, JSONL or Parquet source (or a CSV row's declared
   * columns): `returns<Order>()` or a zod schema. Not emitted.
   */
  item?: ItemSpec;
}

/** Reads one S3 object: a JSON array, JSON Lines, CSV, Parquet or a manifest. */
export interface S3GetObjectReader<S> extends ReaderOptionsBase<ReaderConfig> {
  resource: S3GetObjectResource;
  parameters: S3Parameters<S, S3GetObjectReaderParameters>;
}
/** Lists a bucket: each object's metadata, or (`LOAD_AND_FLATTEN`) each object's items. */
export interface S3ListObjectsReader<S> extends ReaderOptionsBase<ReaderConfig> {
  resource: S3ListObjectsResource;
  parameters: S3Parameters<S, S3ListObjectsReaderParameters>;
}

/** Distributed Map: read items from S3 (`ItemReader`), parameters typed per resource. */
export type ItemReaderOptions<S> = S3GetObjectReader<S> | S3ListObjectsReader<S>;

// Type-only markers for "not given". `.map(...)` infers the reader, batcher and writer it is given;
// when one is absent its type parameter takes a default that still has the option's shape (so
// callbacks inside a given option are contextually typed), tagged with a key no literal has.
declare const NO_READER: unique symbol;
declare const NO_BATCHER: unique symbol;
declare const NO_WRITER: unique symbol;
/** `.map(...)` without `itemReader`. */
export type NoReader<S> = ItemReaderOptions<S> & { readonly [NO_READER]?: true };
/** `.map(...)` without `itemBatcher`. */
export type NoBatcher<S> = ItemBatcherOptions<S> & { readonly [NO_BATCHER]?: true };
/** `.map(...)` without `resultWriter`. */
export type NoWriter<S> = ResultWriterOptions<S> & { readonly [NO_WRITER]?: true };

// `.map(...)` infers the item type from `items` and the selection from `itemSelector`, which are
// callbacks: TypeScript infers those in a second pass, after it has checked the arguments that are
// not context-sensitive (a processor written `() => chain` or with an annotated parameter) with
// what it knew in the first. So until they are inferred they read as `Pending`, and a type that
// depends on a pending one is `any` (not checked yet) when the option is present; once inferred,
// the check is exact. `Keys` are the options given, known in the first pass.
declare const PENDING: unique symbol;
/** Type-only: an `.map(...)` type parameter not inferred (yet). */
export interface Pending {
  readonly [PENDING]: true;
}

type IsAny<T> = 0 extends 1 & T ? true : false;

/**
 * The type of one item: from `items` when given, else the reader's items, else `Otherwise` (the
 * input array's elements).
 */
export type MapItem<Keys, Item, Reader, Otherwise> = [Item] extends [Pending]
  ? 'items' extends Keys
    ? any
    : typeof NO_READER extends keyof Reader
      ? 'itemReader' extends Keys
        ? any
        : Otherwise
      : ReaderItem<Reader>
  : Item;

/** What `itemSelector` builds from each item, or the item itself without one. */
export type MapSelection<Keys, Selected, ItemType> = [Selected] extends [Pending] ? ('itemSelector' extends Keys ? any : ItemType) : Selected;

/**
 * One entry of a bucket listing as a child receives it (`s3:listObjectsV2` without
 * `LOAD_AND_FLATTEN`). `Etag` is spelled as recorded on AWS; `LastModified` is in epoch seconds (DG
 * example `"LastModified": 1668699881`).
 */
export interface S3ObjectSummary {
  Etag: string;
  Key: string;
  LastModified: number;
  Size: number;
  StorageClass: string;
}

/** One row of an S3 Inventory report (`InputType: 'MANIFEST'`), keyed by the manifest's `fileSchema` columns. */
export interface S3InventoryItem {
  Bucket: string;
  Key: string;
  [column: string]: string;
}

/** A CSV row: its header's fields, all strings (`Record<header, string>` for a literal header tuple). */
export type CsvRow<C> = C extends { CSVHeaderLocation: 'GIVEN'; CSVHeaders: readonly (infer H extends string)[] }
  ? string extends H
    ? Record<string, string>
    : { [K in H]: string }
  : Record<string, string>;

type DeclaredItem<R> = R extends { item: infer Spec }
  ? Spec extends ZodType
    ? ZodOutput<Spec>
    : Spec extends Returns<infer T>
      ? T
      : unknown
  : unknown;

type FileItem<R, C> = C extends { InputType: 'CSV' }
  ? unknown extends DeclaredItem<R>
    ? CsvRow<C>
    : DeclaredItem<R>
  : C extends { InputType: 'MANIFEST' } | { ManifestType: 'S3_INVENTORY' }
    ? S3InventoryItem
    : DeclaredItem<R>;

/**
 * The type of one item a reader yields: listObjectsV2 → {@link S3ObjectSummary}; CSV → a
 * {@link CsvRow}; an S3 Inventory manifest → {@link S3InventoryItem}; JSON, JSONL and Parquet →
 * the declared `item` type (`unknown` when none is declared).
 */
export type ReaderItem<R> = R extends { resource: S3ListObjectsResource }
  ? R extends { readerConfig: { Transformation: 'LOAD_AND_FLATTEN' } }
    ? FileItem<R, ConfigOf<R>>
    : S3ObjectSummary
  : FileItem<R, ConfigOf<R>>;

type ConfigOf<R> = R extends { readerConfig: infer C } ? C : {};

/** Distributed Map: batch items per child execution (`ItemBatcher`). */
export interface ItemBatcherOptions<S, B = unknown> {
  maxItemsPerBatch?: DynamicSetting<S, number>;
  maxInputBytesPerBatch?: DynamicSetting<S, number>;
  /** `BatchInput`: the same for every batch, built from the state input. */
  batchInput?: (s: Selector<S>) => B;
}

/**
 * What one child receives: the (selected) item, or with an `ItemBatcher` the batch
 * `{ Items, BatchInput }` (`BatchInput` only when `batchInput` is set).
 */
export type IterationInput<Selected, Batcher, Keys = never> =
  IsAny<Selected> extends true
    ? any
    : typeof NO_BATCHER extends keyof Batcher
      ? 'itemBatcher' extends Keys
        ? any
        : Resolve<Selected>
      : Batcher extends { batchInput: (...args: any[]) => infer B }
        ? { Items: Resolve<Selected>[]; BatchInput: Resolve<B> }
        : { Items: Resolve<Selected>[] };

/** `ResultWriter.Parameters` / `Arguments`: where the results go. */
export interface S3ResultWriterParameters {
  Bucket: string;
  Prefix?: string;
}

/** Distributed Map: write results to S3 (`ResultWriter`). */
export interface ResultWriterOptions<S> {
  resource?: `arn:${string}:states:::s3:putObject`;
  parameters?: S3Parameters<S, S3ResultWriterParameters>;
  writerConfig?: { OutputType?: 'JSON' | 'JSONL'; Transformation?: 'NONE' | 'COMPACT' | 'FLATTEN' };
}

/** A Map's result when a `ResultWriter` exports to S3: the Map Run and where its manifest is. */
export interface MapRunExport {
  MapRunArn: string;
  ResultWriterDetails: { Bucket: string; Key: string };
}

/**
 * A Map's result: the array of the iterations' outputs, or {@link MapRunExport} when a
 * `ResultWriter` writes them to S3 (a `writerConfig` alone only reshapes the array).
 */
export type MapResult<Out, Writer> = typeof NO_WRITER extends keyof Writer
  ? Out[]
  : Writer extends { resource: string } | { parameters: unknown }
    ? MapRunExport
    : Out[];

type ParametersValue<P> = P extends (...args: any[]) => infer T ? T : P;
type UnknownKeys<P, Allowed> = Exclude<Extract<keyof ParametersValue<P>, string>, keyof Allowed>;
type NotParameters<Keys extends string, Resource, Takes extends string> = {
  readonly [K in Keys as `'${K}' is not a parameter of ${Resource & string} (it takes ${Takes})`]: true;
};

/**
 * Type-only: flags reader/writer parameters the resource does not take (`Key` on a listing) with
 * a property named after the mistake. `.map(...)` infers the exact options, so TypeScript's
 * excess-property check does not reach them.
 */
export type S3ParametersCheck<Reader, Writer> = (Reader extends { resource: infer R; parameters: infer P }
  ? R extends S3ListObjectsResource
    ? [UnknownKeys<P, S3ListObjectsReaderParameters>] extends [never]
      ? unknown
      : { itemReader: NotParameters<UnknownKeys<P, S3ListObjectsReaderParameters>, R, 'Bucket, Prefix, ExpectedBucketOwner'> }
    : [UnknownKeys<P, S3GetObjectReaderParameters>] extends [never]
      ? unknown
      : { itemReader: NotParameters<UnknownKeys<P, S3GetObjectReaderParameters>, R, 'Bucket, Key, VersionId, ExpectedBucketOwner'> }
  : unknown) &
  (Writer extends { parameters: infer P }
    ? [UnknownKeys<P, S3ResultWriterParameters>] extends [never]
      ? unknown
      : { resultWriter: NotParameters<UnknownKeys<P, S3ResultWriterParameters>, 'arn:aws:states:::s3:putObject', 'Bucket, Prefix'> }
    : unknown);
