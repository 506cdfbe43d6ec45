import type { Json, JsonObject } from '../../asl/types';
import { runtimeError } from '../errors';
import type { ResolvedItemBatcher } from './types';
import { LIMITS } from '../../asl/limits';

// AWS caps a child's input, hence a batch, at the payload limit whatever the batcher says.

/**
 * Groups items into the child inputs of a batching Distributed Map: `{Items: [...], BatchInput?}`,
 * in item order. A batch closes when it holds `MaxItemsPerBatch` items or when one more item
 * would push its JSON (with `BatchInput`) past `MaxInputBytesPerBatch` (and never past 256 KiB).
 *
 * Throws `States.Runtime` when a limit is not a positive integer, or when one item alone is
 * larger than the byte limit (it could not be sent to any child).
 *
 * @example
 * batchItems([1, 2, 3], { MaxItemsPerBatch: 2 }); // [{ Items: [1, 2] }, { Items: [3] }]
 */
export function batchItems(items: Json[], batcher: ResolvedItemBatcher): JsonObject[] {
  const maxItems = positiveLimit(batcher.MaxItemsPerBatch, 'MaxItemsPerBatch') ?? Number.POSITIVE_INFINITY;
  const maxBytes = Math.min(positiveLimit(batcher.MaxInputBytesPerBatch, 'MaxInputBytesPerBatch') ?? LIMITS.payloadBytes, LIMITS.payloadBytes);
  const hasBatchInput = batcher.BatchInput !== undefined;
  // Size of `{"Items":[]}` plus `,"BatchInput":<json>`; each item adds its JSON and a comma.
  const emptyBatchBytes =
    jsonBytes({ Items: [] }) + (hasBatchInput ? jsonBytes(batcher.BatchInput as Json) + ',"BatchInput":'.length : 0);

  const batches: JsonObject[] = [];
  let current: Json[] = [];
  let currentBytes = emptyBatchBytes;
  const close = () => {
    if (current.length === 0) return;
    batches.push(hasBatchInput ? { Items: current, BatchInput: batcher.BatchInput as Json } : { Items: current });
    current = [];
    currentBytes = emptyBatchBytes;
  };

  items.forEach((item, index) => {
    const itemBytes = jsonBytes(item);
    if (emptyBatchBytes + itemBytes > maxBytes) {
      throw runtimeError(
        `Item ${index} is ${itemBytes} bytes, more than the batch limit of ${maxBytes} bytes (MaxInputBytesPerBatch, at most 256 KiB): reduce it with ItemSelector or raise the limit.`,
      );
    }
    const separator = current.length === 0 ? 0 : 1;
    if (current.length >= maxItems || currentBytes + separator + itemBytes > maxBytes) close();
    currentBytes += (current.length === 0 ? 0 : 1) + itemBytes;
    current.push(item);
  });
  close();
  return batches;
}

function positiveLimit(value: number | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value <= 0) {
    throw runtimeError(`ItemBatcher.${field} must be a positive integer, got ${JSON.stringify(value)}.`);
  }
  return value;
}

function jsonBytes(value: Json): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
