import type { Json, JsonObject } from '../../asl/types';
import { StatesError } from '../errors';
import type { S3ObjectStore } from './s3-object-store';
import type { ChildExecutionRecord, MapRunRecord, ResolvedResultWriter } from './types';

type Transformation = 'NONE' | 'COMPACT' | 'FLATTEN';
type ResultFileStatus = 'SUCCEEDED' | 'FAILED' | 'PENDING';

/**
 * Produces a Distributed Map's result from its child executions, as its `ResultWriter` says.
 *
 * - With `Resource` + `Parameters` (`Bucket`, `Prefix`): writes `SUCCEEDED_0.json`,
 *   `FAILED_0.json` and `PENDING_0.json` (only those with entries) and `manifest.json` under
 *   `<Prefix>/<runId>/`, and returns `{MapRunArn, ResultWriterDetails: {Bucket, Key}}` where
 *   `Key` is the manifest's.
 * - With `WriterConfig` only: writes nothing and returns the transformed results.
 *
 * `Transformation` (default `NONE` when exporting, `COMPACT` otherwise): `NONE` = full execution
 * records (`ExecutionArn`, `Input`/`Output` as JSON strings, `Status`, dates, redrive fields),
 * `COMPACT` = the outputs, `FLATTEN` = the outputs with array outputs spread. Failed children are
 * always full records, as AWS does. `OutputType` `JSONL` writes one entry a line.
 *
 * Throws `States.ResultWriterFailed` when the export location is malformed.
 *
 * @example
 * writeResults(
 *   { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'out', Prefix: 'runs' } },
 *   s3,
 *   { mapRunArn, runId: 'a1b2', results },
 * ); // { MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: 'out', Key: 'runs/a1b2/manifest.json' } }
 */
export function writeResults(writer: ResolvedResultWriter, store: S3ObjectStore, run: MapRunRecord): Json {
  const exporting = writer.Resource !== undefined;
  const transformation: Transformation = writer.WriterConfig?.Transformation ?? (exporting ? 'NONE' : 'COMPACT');
  const stateMachineArn = childStateMachineArn(run.mapRunArn);

  if (!exporting) return run.results.flatMap((child) => resultEntries(child, transformation, stateMachineArn));

  const byStatus: Record<ResultFileStatus, Json[]> = { SUCCEEDED: [], FAILED: [], PENDING: [] };
  for (const child of run.results) {
    byStatus[fileStatus(child)].push(...resultEntries(child, transformation, stateMachineArn));
  }

  const { bucket, prefix } = exportLocation(writer.Parameters);
  const folder = prefix === '' ? run.runId : `${prefix.replace(/\/+$/, '')}/${run.runId}`;
  const jsonLines = writer.WriterConfig?.OutputType === 'JSONL';
  const resultFiles: Record<ResultFileStatus, { Key: string; Size: number }[]> = { FAILED: [], PENDING: [], SUCCEEDED: [] };
  for (const status of ['SUCCEEDED', 'FAILED', 'PENDING'] as const) {
    const entries = byStatus[status];
    if (entries.length === 0) continue;
    const key = `${folder}/${status}_0.json`;
    const body = jsonLines ? entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n' : JSON.stringify(entries);
    store.putObject(bucket, key, body);
    resultFiles[status].push({ Key: key, Size: Buffer.byteLength(body, 'utf8') });
  }
  const manifestKey = `${folder}/manifest.json`;
  const manifest: JsonObject = { DestinationBucket: bucket, MapRunArn: run.mapRunArn, ResultFiles: resultFiles };
  store.putObject(bucket, manifestKey, JSON.stringify(manifest));
  return { MapRunArn: run.mapRunArn, ResultWriterDetails: { Bucket: bucket, Key: manifestKey } };
}

function fileStatus(child: ChildExecutionRecord): ResultFileStatus {
  if (child.status === 'SUCCEEDED') return 'SUCCEEDED';
  if (child.status === 'PENDING') return 'PENDING';
  return 'FAILED';
}

/** What one child contributes to the results: one entry, or several when FLATTEN spreads an array. */
function resultEntries(child: ChildExecutionRecord, transformation: Transformation, stateMachineArn: string): Json[] {
  if (child.status !== 'SUCCEEDED' || transformation === 'NONE') return [executionRecord(child, stateMachineArn)];
  const output = child.output ?? null;
  if (transformation === 'FLATTEN' && Array.isArray(output)) return output;
  return [output];
}

/** The full record AWS writes for a child (Transformation NONE, and every failed child). */
function executionRecord(child: ChildExecutionRecord, stateMachineArn: string): JsonObject {
  if (child.status === 'PENDING') {
    return { Input: JSON.stringify(child.input), InputDetails: { Included: true }, Name: child.name, Status: 'PENDING' };
  }
  const record: JsonObject = {
    ExecutionArn: child.executionArn,
    Input: JSON.stringify(child.input),
    InputDetails: { Included: true },
    Name: child.name,
  };
  if (child.status === 'SUCCEEDED') {
    record.Output = JSON.stringify(child.output ?? null);
    record.OutputDetails = { Included: true };
    record.RedriveCount = 0;
    record.RedriveStatus = 'NOT_REDRIVABLE';
    record.RedriveStatusReason = 'Execution is SUCCEEDED and cannot be redriven';
  } else {
    if (child.error !== undefined) record.Error = child.error;
    if (child.cause !== undefined) record.Cause = child.cause;
    record.RedriveCount = 0;
    // A failed child is redriven through its Map Run, not on its own.
    record.RedriveStatus = 'REDRIVABLE_BY_MAP_RUN';
  }
  record.StartDate = child.startDate;
  record.StateMachineArn = child.stateMachineArn ?? stateMachineArn;
  record.Status = child.status;
  record.StopDate = child.stopDate;
  return record;
}

/**
 * A Map Run's children run a state machine named `<parent>/<label>`:
 * `arn:…:mapRun:Parent/Label:uuid` → `arn:…:stateMachine:Parent/Label`.
 */
export function childStateMachineArn(mapRunArn: string): string {
  return mapRunArn.replace(':mapRun:', ':stateMachine:').replace(/:[^:/]+$/, '');
}

function exportLocation(parameters: Json | undefined): { bucket: string; prefix: string } {
  const object = parameters !== null && typeof parameters === 'object' && !Array.isArray(parameters) ? parameters : {};
  const { Bucket: bucket, Prefix: prefix = '' } = object;
  if (typeof bucket !== 'string' || bucket === '') {
    throw new StatesError('States.ResultWriterFailed', 'ResultWriter.Parameters.Bucket must resolve to a bucket name (a non-empty string).');
  }
  if (typeof prefix !== 'string') {
    throw new StatesError('States.ResultWriterFailed', 'ResultWriter.Parameters.Prefix must resolve to a string.');
  }
  return { bucket, prefix };
}
