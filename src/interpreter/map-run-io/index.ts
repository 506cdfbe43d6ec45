/**
 * Distributed Map data sources and sinks: `ItemReader` (S3 objects → items), `ItemBatcher`
 * (items → batches) and `ResultWriter` (child executions → S3 result files). Pure functions over
 * an {@link S3ObjectStore}; the engine resolves paths/JSONata first and calls these.
 */
export type {
  ResolvedItemReader,
  ResolvedReaderConfig,
  ResolvedItemBatcher,
  ResolvedResultWriter,
  ChildExecutionRecord,
  MapRunRecord,
} from './types';
export { InMemoryS3, type S3ObjectStore, type S3ObjectSummary, type InMemoryS3Options } from './s3-object-store';
export { readItems } from './read-items';
export { batchItems } from './batch-items';
export { writeResults } from './write-results';
