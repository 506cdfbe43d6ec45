import type { JsonObject } from '../../asl/types';
import type { ExecutionDescription } from '../execution/execution';
import { randomUuid, type RandomSource } from '../random/seeded-random';

type SyncPattern = 'sync' | 'sync:2';

/** `states:startExecution` (request-response): the StartExecution response with its SDK metadata (recorded shape). */
export function startExecutionResponse(d: ExecutionDescription, random: RandomSource): JsonObject {
  const requestId = randomUuid(random);
  const startMs = Date.parse(d.startDate);
  const length = String(JSON.stringify({ executionArn: d.executionArn, startDate: startMs / 1000 }).length);
  const date = new Date(startMs).toUTCString();
  return {
    ExecutionArn: d.executionArn,
    SdkHttpMetadata: {
      AllHttpHeaders: {
        'x-amzn-RequestId': [requestId],
        connection: ['keep-alive'],
        'Content-Length': [length],
        Date: [date],
        'Content-Type': ['application/x-amz-json-1.0'],
      },
      HttpHeaders: {
        connection: 'keep-alive',
        'Content-Length': length,
        'Content-Type': 'application/x-amz-json-1.0',
        Date: date,
        'x-amzn-RequestId': requestId,
      },
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StartDate: startMs,
  };
}

/**
 * A `.sync` / `.sync:2` Task's result when the child succeeded (recorded shape; keys in AWS's
 * order). `.sync` gives `Input`/`Output` as JSON text, `.sync:2` as JSON values; dates are epoch ms.
 */
export function syncSuccessOutput(d: ExecutionDescription, pattern: SyncPattern): JsonObject {
  return {
    ExecutionArn: d.executionArn,
    Input: payload(d.input, pattern),
    InputDetails: { Included: true },
    Name: d.name,
    Output: payload(d.output ?? null, pattern),
    OutputDetails: { Included: true },
    RedriveCount: 0,
    RedriveStatus: 'NOT_REDRIVABLE',
    RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
    StartDate: Date.parse(d.startDate),
    StateMachineArn: d.stateMachineArn,
    Status: d.status,
    StopDate: Date.parse(d.stopDate ?? d.startDate),
  };
}

/** The cause of the parent's `States.TaskFailed` when the child did not succeed (recorded shape, as JSON text). */
export function syncFailureCause(d: ExecutionDescription, pattern: SyncPattern): string {
  const cause: JsonObject = {};
  if (d.cause !== undefined) cause.Cause = d.cause;
  if (d.error !== undefined) cause.Error = d.error;
  Object.assign(cause, {
    ExecutionArn: d.executionArn,
    Input: payload(d.input, pattern),
    InputDetails: { Included: true },
    Name: d.name,
    StartDate: Date.parse(d.startDate),
    StateMachineArn: d.stateMachineArn,
    Status: d.status,
    StopDate: Date.parse(d.stopDate ?? d.startDate),
  });
  return JSON.stringify(cause);
}

function payload(value: ExecutionDescription['input'], pattern: SyncPattern) {
  return pattern === 'sync' ? JSON.stringify(value) : value;
}
