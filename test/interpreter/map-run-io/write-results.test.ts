import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/asl/types';
import { StatesError } from '../../../src/interpreter/errors';
import { InMemoryS3, writeResults, type ChildExecutionRecord } from '../../../src/interpreter/map-run-io';
import { childStateMachineArn } from '../../../src/interpreter/map-run-io/write-results';

const mapRunArn = 'arn:aws:states:us-east-1:123456789012:mapRun:Parent/Label:4977ded7-b097-3bee-81e1-7863c5660f29';
const runId = '4977ded7-b097-3bee-81e1-7863c5660f29';
const childArn = (n: number) => `arn:aws:states:us-east-1:123456789012:execution:Parent/Label:child-${n}`;

function child(n: number, status: ChildExecutionRecord['status'], output?: Json): ChildExecutionRecord {
  const base = {
    executionArn: childArn(n),
    name: `child-${n}`,
    input: { n },
    status,
    startDate: '2026-01-01T00:00:00.000Z',
    stopDate: '2026-01-01T00:00:01.000Z',
  };
  return status === 'SUCCEEDED' ? { ...base, output } : { ...base, error: 'Boom', cause: 'it broke' };
}

const results = [child(0, 'SUCCEEDED', ['a', 'b']), child(1, 'FAILED'), child(2, 'SUCCEEDED', { c: 1 })];
const exportTo = { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'out', Prefix: 'runs' } };

function readJson(s3: InMemoryS3, key: string): Json {
  const body = s3.getObject('out', key);
  if (body === undefined) throw new Error(`no object ${key}`);
  return JSON.parse(body) as Json;
}

describe('writeResults', () => {
  it('exports NONE records by status with a manifest, and returns the manifest location', () => {
    const s3 = new InMemoryS3();
    const result = writeResults(exportTo, s3, { mapRunArn, runId, results });
    expect(result).toEqual({ MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: 'out', Key: `runs/${runId}/manifest.json` } });

    const succeeded = readJson(s3, `runs/${runId}/SUCCEEDED_0.json`);
    expect(succeeded).toEqual([
      {
        ExecutionArn: childArn(0),
        Input: '{"n":0}',
        InputDetails: { Included: true },
        Name: 'child-0',
        Output: '["a","b"]',
        OutputDetails: { Included: true },
        RedriveCount: 0,
        RedriveStatus: 'NOT_REDRIVABLE',
        RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
        StartDate: '2026-01-01T00:00:00.000Z',
        StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Parent/Label',
        Status: 'SUCCEEDED',
        StopDate: '2026-01-01T00:00:01.000Z',
      },
      expect.objectContaining({ Name: 'child-2', Output: '{"c":1}' }),
    ]);
    expect(readJson(s3, `runs/${runId}/FAILED_0.json`)).toEqual([
      expect.objectContaining({ ExecutionArn: childArn(1), Error: 'Boom', Cause: 'it broke', Status: 'FAILED', Input: '{"n":1}' }),
    ]);
    expect(s3.getObject('out', `runs/${runId}/PENDING_0.json`)).toBeUndefined();

    const manifest = readJson(s3, `runs/${runId}/manifest.json`) as { ResultFiles: Record<string, { Key: string; Size: number }[]> };
    expect(manifest).toEqual({
      DestinationBucket: 'out',
      MapRunArn: mapRunArn,
      ResultFiles: {
        FAILED: [{ Key: `runs/${runId}/FAILED_0.json`, Size: expect.any(Number) }],
        PENDING: [],
        SUCCEEDED: [{ Key: `runs/${runId}/SUCCEEDED_0.json`, Size: expect.any(Number) }],
      },
    });
    for (const file of [...manifest.ResultFiles.SUCCEEDED, ...manifest.ResultFiles.FAILED]) {
      expect(file.Size).toBe(Buffer.byteLength(s3.getObject('out', file.Key) ?? ''));
    }
  });

  it('writes outputs only with COMPACT, flattened with FLATTEN; failed children stay full records', () => {
    const s3 = new InMemoryS3();
    writeResults({ ...exportTo, WriterConfig: { Transformation: 'COMPACT' } }, s3, { mapRunArn, runId, results });
    expect(readJson(s3, `runs/${runId}/SUCCEEDED_0.json`)).toEqual([['a', 'b'], { c: 1 }]);
    writeResults({ ...exportTo, WriterConfig: { Transformation: 'FLATTEN' } }, s3, { mapRunArn, runId, results });
    expect(readJson(s3, `runs/${runId}/SUCCEEDED_0.json`)).toEqual(['a', 'b', { c: 1 }]);
    expect(readJson(s3, `runs/${runId}/FAILED_0.json`)).toEqual([expect.objectContaining({ Status: 'FAILED', Error: 'Boom' })]);
  });

  it('writes JSON Lines with OutputType JSONL', () => {
    const s3 = new InMemoryS3();
    writeResults({ ...exportTo, WriterConfig: { OutputType: 'JSONL', Transformation: 'COMPACT' } }, s3, { mapRunArn, runId, results });
    expect(s3.getObject('out', `runs/${runId}/SUCCEEDED_0.json`)).toBe('["a","b"]\n{"c":1}\n');
  });

  it('returns the transformed results and writes nothing with WriterConfig only', () => {
    const s3 = new InMemoryS3();
    const flattened = writeResults({ WriterConfig: { Transformation: 'FLATTEN' } }, s3, { mapRunArn, runId, results });
    expect(flattened).toEqual(['a', 'b', expect.objectContaining({ Status: 'FAILED', Name: 'child-1' }), { c: 1 }]);
    expect(writeResults({ WriterConfig: { Transformation: 'COMPACT' } }, s3, { mapRunArn, runId, results: [results[0]] })).toEqual([
      ['a', 'b'],
    ]);
    expect(s3.listObjects('out')).toEqual([]);
  });

  it('puts children that never started into PENDING_0.json; no prefix means the run id folder', () => {
    const s3 = new InMemoryS3();
    const pending: ChildExecutionRecord = { ...child(3, 'PENDING'), startDate: '', stopDate: '' };
    const result = writeResults({ Resource: exportTo.Resource, Parameters: { Bucket: 'out' } }, s3, { mapRunArn, runId, results: [pending] });
    expect(result).toEqual({ MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: 'out', Key: `${runId}/manifest.json` } });
    expect(readJson(s3, `${runId}/PENDING_0.json`)).toEqual([{ Input: '{"n":3}', InputDetails: { Included: true }, Name: 'child-3', Status: 'PENDING' }]);
  });

  it('fails with States.ResultWriterFailed without a bucket', () => {
    const run = () => writeResults({ Resource: exportTo.Resource, Parameters: { Prefix: 'x' } }, new InMemoryS3(), { mapRunArn, runId, results });
    expect(run).toThrow(StatesError);
    expect(run).toThrow(/Bucket must resolve/);
  });

  it('derives the child state machine ARN from the Map Run ARN', () => {
    expect(childStateMachineArn(mapRunArn)).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:Parent/Label');
  });
});
