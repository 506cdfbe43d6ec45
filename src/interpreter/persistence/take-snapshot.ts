import type { Json } from '../../asl/types';
import { formatTimestamp } from '../clock/timestamp';
import type { ExecutionSetup } from '../execution/execution';
import type { ExecutionResult, ExecutionStatus } from '../execution/types';
import type { HistoryEvent } from '../history/history-event';
import type { AnswerLog } from './answer-log';
import { SNAPSHOT_VERSION, type ExecutionSnapshot } from './snapshot-format';

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
  copy.answers = answers.entries.map(jsonCopy);
  copy.history = source.history.map((event) => jsonCopy(event as unknown as Json));
  return copy;
}

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
