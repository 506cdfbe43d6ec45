import type { Json } from '../../asl/types';
import { formatTimestamp } from '../clock/timestamp';
import type { ExecutionSetup } from '../execution/execution';
import type { ExecutionResult, ExecutionStatus } from '../execution/types';
import type { HistoryEvent } from '../history/history-event';
import type { AnswerLog } from './answer-log';
import { SNAPSHOT_VERSION, type ExecutionSnapshot } from './snapshot-format';
import { copyAnswer } from './kept-answers';

/** What {@link takeSnapshot} reads from an execution. */
export interface SnapshotSource {
  setup: ExecutionSetup;
  answers: AnswerLog;
  startMs: number;
  status: ExecutionStatus;
  result: ExecutionResult | undefined;
  history: HistoryEvent[];
}

/**
 * Builds an execution's snapshot. Everything is copied through JSON, so the snapshot is plain
 * data that later changes to the execution (or to values a mock returned) do not touch. Copied
 * piece by piece (each history event, each answer): one JSON text of the whole snapshot could
 * pass V8's maximum string length on a long history of large payloads, and `snapshot()` threw
 * `RangeError: Invalid string length` (issue 8).
 */
export function takeSnapshot(source: SnapshotSource): ExecutionSnapshot {
  const { setup, answers } = source;
  if (answers.randomState === undefined) {
    throw new Error(`Execution '${setup.name}': snapshot() needs the interpreter's seeded random source; this execution was given another one.`);
  }
  const snapshot: ExecutionSnapshot = {
    version: SNAPSHOT_VERSION,
    stateMachine: {
      name: setup.stateMachineName,
      arn: setup.stateMachineArn,
      type: setup.stateMachineType,
      roleArn: setup.roleArn,
      definition: setup.definition,
    },
    execution: {
      name: setup.name,
      arn: setup.executionArn,
      input: setup.input,
      startTime: formatTimestamp(source.startMs),
      region: setup.region,
      accountId: setup.accountId,
      randomState: answers.randomState,
      synchronous: setup.synchronous,
      ...(setup.redrive ? { redrive: setup.redrive } : {}),
    },
    answers: [],
    clockNow: formatTimestamp(setup.clock.now()),
    status: source.status,
    history: [],
  };
  if (source.result) snapshot.result = source.result;
  const copy = jsonCopy(snapshot);
  copy.answers = answers.entries.map(copyAnswer);
  copy.history = source.history.map(plainEvent);
  return copy;
}

/**
 * A rendered history event as the JSON a copy through `JSON.stringify` gives (the timestamp as ISO
 * text, absent members left out), but built directly: its strings are immutable and shared, not
 * copied, so a snapshot of a long history of big payloads holds each payload's text once (issue 8:
 * copying each event through JSON text made `snapshot()` of 3,000 rounds of 250 KB results run out
 * of memory).
 */
export function plainEvent(event: HistoryEvent): Json {
  return plainCopy(event) as Json;
}

function plainCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : plainCopy(item)));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) copy[key] = plainCopy(member);
  }
  return copy;
}

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
