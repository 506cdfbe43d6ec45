import type { Json } from '../../asl/types';

/**
 * An `ItemReader` whose paths and JSONata expressions the engine has already evaluated: `Parameters`
 * holds the resolved `Bucket` and `Key` (getObject) or `Prefix` (listObjectsV2), and
 * `ReaderConfig.MaxItems` is a number (from `MaxItems` or `MaxItemsPath`; `0` or absent = no limit).
 */
export interface ResolvedItemReader {
  Resource: string;
  Parameters: Json;
  ReaderConfig?: ResolvedReaderConfig;
}

export interface ResolvedReaderConfig {
  InputType?: 'CSV' | 'JSON' | 'JSONL' | 'PARQUET' | 'MANIFEST';
  CSVHeaderLocation?: 'FIRST_ROW' | 'GIVEN';
  CSVHeaders?: string[];
  CSVDelimiter?: 'COMMA' | 'PIPE' | 'SEMICOLON' | 'SPACE' | 'TAB';
  MaxItems?: number;
  Transformation?: 'NONE' | 'LOAD_AND_FLATTEN';
  ManifestType?: 'ATHENA_DATA' | 'S3_INVENTORY';
  ItemsPointer?: string;
}

/** An `ItemBatcher` with its limits resolved to numbers (from the literal, the `...Path` or JSONata). */
export interface ResolvedItemBatcher {
  MaxItemsPerBatch?: number;
  MaxInputBytesPerBatch?: number;
  /** Already evaluated; copied into every batch. */
  BatchInput?: Json;
}

/** A `ResultWriter` with `Parameters`/`Arguments` resolved (`Bucket`, `Prefix`). */
export interface ResolvedResultWriter {
  Resource?: string;
  Parameters?: Json;
  WriterConfig?: {
    OutputType?: 'JSON' | 'JSONL';
    Transformation?: 'NONE' | 'COMPACT' | 'FLATTEN';
  };
}

/** One child workflow execution of a Distributed Map run, as the engine recorded it. */
export interface ChildExecutionRecord {
  executionArn: string;
  name: string;
  input: Json;
  /** Present when `status` is `SUCCEEDED`. */
  output?: Json;
  /** `PENDING`: the item never started (the run stopped first); it goes to `PENDING_0.json`. */
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING';
  error?: string;
  cause?: string;
  /** ISO 8601; may be empty for a PENDING item. */
  startDate: string;
  /** ISO 8601; may be empty for a PENDING item. */
  stopDate: string;
  /** The child state machine's ARN; derived from the Map Run ARN when absent. */
  stateMachineArn?: string;
}

/** What the engine hands {@link writeResults} once every child has finished. */
export interface MapRunRecord {
  /** `arn:aws:states:<region>:<account>:mapRun:<stateMachine>/<label>:<runId>` */
  mapRunArn: string;
  /** The Map Run's UUID: results go under `<Prefix>/<runId>/`. */
  runId: string;
  /** In item (batch) order. */
  results: ChildExecutionRecord[];
}
