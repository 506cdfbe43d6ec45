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
 * data that later changes to the execution (or to values a mock returned) do not touch.
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
    },
    answers: answers.entries,
    clockNow: formatTimestamp(setup.clock.now()),
    status: source.status,
    history: source.history as unknown as Json[],
  };
  if (source.result) snapshot.result = source.result;
  return JSON.parse(JSON.stringify(snapshot)) as ExecutionSnapshot;
}
