import { describe, expect, it } from 'vitest';
import { StatesError } from '../../../src/interpreter/errors';
import { batchItems } from '../../../src/interpreter/map-run-io';
import { LIMITS } from '../../../src/asl/limits';

describe('batchItems', () => {
  it('splits by count, last batch short (1,130 items by 100 → 11×100 + 30)', () => {
    const items = Array.from({ length: 1130 }, (_, i) => i);
    const batches = batchItems(items, { MaxItemsPerBatch: 100 }) as { Items: number[] }[];
    expect(batches.map((b) => b.Items.length)).toEqual([...Array(11).fill(100), 30]);
    expect(batches.flatMap((b) => b.Items)).toEqual(items);
    expect(batches.every((b) => !('BatchInput' in b))).toBe(true);
  });

  it('copies BatchInput into every batch', () => {
    expect(batchItems(['a', 'b', 'c'], { MaxItemsPerBatch: 2, BatchInput: { run: 7 } })).toEqual([
      { Items: ['a', 'b'], BatchInput: { run: 7 } },
      { Items: ['c'], BatchInput: { run: 7 } },
    ]);
  });

  it('closes a batch before its JSON would pass MaxInputBytesPerBatch', () => {
    const items = ['aaaa', 'bbbb', 'cccc']; // each "aaaa" is 6 bytes
    // {"Items":["aaaa","bbbb"]} is 25 bytes; a third item would make 32.
    const batches = batchItems(items, { MaxInputBytesPerBatch: 25 });
    expect(batches).toEqual([{ Items: ['aaaa', 'bbbb'] }, { Items: ['cccc'] }]);
    for (const batch of batches) expect(Buffer.byteLength(JSON.stringify(batch))).toBeLessThanOrEqual(25);
  });

  it('counts BatchInput in the byte limit', () => {
    // {"Items":["aaaa"],"BatchInput":{"k":"v"}} is 41 bytes; with both items it would be 48.
    const batches = batchItems(['aaaa', 'bbbb'], { MaxInputBytesPerBatch: 45, BatchInput: { k: 'v' } });
    for (const batch of batches) expect(Buffer.byteLength(JSON.stringify(batch))).toBeLessThanOrEqual(45);
    expect(batches).toHaveLength(2);
  });

  it('applies both limits, and 256 KiB even when only a count is given', () => {
    const big = 'x'.repeat(100_000);
    const batches = batchItems([big, big, big, big], { MaxItemsPerBatch: 10 });
    expect(batches.map((b) => (b as { Items: string[] }).Items.length)).toEqual([2, 2]);
    for (const batch of batches) expect(Buffer.byteLength(JSON.stringify(batch))).toBeLessThanOrEqual(LIMITS.payloadBytes);
    expect(batchItems([1, 2, 3], { MaxItemsPerBatch: 2, MaxInputBytesPerBatch: 1000 })).toHaveLength(2);
  });

  it('returns no batch for no items', () => {
    expect(batchItems([], { MaxItemsPerBatch: 5 })).toEqual([]);
  });

  it('rejects an item bigger than the limit and non-positive limits with States.Runtime', () => {
    expect(() => batchItems(['x'.repeat(50)], { MaxInputBytesPerBatch: 20 })).toThrow(StatesError);
    expect(() => batchItems(['x'.repeat(50)], { MaxInputBytesPerBatch: 20 })).toThrow(/Item 0 is 52 bytes/);
    expect(() => batchItems([1], { MaxItemsPerBatch: 0 })).toThrow(/MaxItemsPerBatch must be a positive integer/);
    expect(() => batchItems([1], { MaxInputBytesPerBatch: 1.5 })).toThrow(/MaxInputBytesPerBatch/);
  });
});
