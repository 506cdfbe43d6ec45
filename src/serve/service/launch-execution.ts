import { randomUUID } from 'node:crypto';
import type { Json } from '../../asl/types';
import { checkName } from '../model/arns';
import type { ExecutionRecord } from '../model/execution-index';
import { ApiError } from '../protocol/api-error';
import type { ServeContext } from './context';

/** What StartExecution and StartSyncExecution ask for. */
export interface LaunchRequest {
  /** A machine, version or alias ARN, optionally followed by `#TestCase` (Step Functions Local's way to pick a mock test case). */
  target: string;
  name?: string;
  inputText: string;
  synchronous: boolean;
}

/**
 * Starts an execution of the revision `target` names, journals it (with `--data`) before the
 * caller is answered, and journals its end. Same name and input as a running Standard execution:
 * that execution (AWS's idempotency); otherwise a taken name is `ExecutionAlreadyExists`.
 */
export function launchExecution(ctx: ServeContext, request: LaunchRequest): { record: ExecutionRecord; existing: boolean } {
  const hash = request.target.indexOf('#');
  const arn = hash < 0 ? request.target : request.target.slice(0, hash);
  const testCase = hash < 0 ? undefined : request.target.slice(hash + 1);
  const resolved = ctx.catalog.resolve(arn);
  const { machine } = resolved;
  const input = parseInput(request.inputText);
  const name = request.name ?? randomUUID();
  checkName(name);
  if (machine.type === 'STANDARD') {
    const executionArn = `arn:aws:states:${ctx.catalog.scope.region}:${ctx.catalog.scope.accountId}:execution:${machine.name}:${name}`;
    const existing = ctx.executions.find(executionArn);
    if (existing) {
      if (existing.execution.status === 'RUNNING' && existing.inputText === request.inputText) return { record: existing, existing: true };
      throw new ApiError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
  }
  const revisionId = resolved.versionArn ? machine.versions.find((v) => v.arn === resolved.versionArn)!.revisionId : machine.revisionId;
  const prepared = ctx.machines.get(machine, { revisionId, definition: resolved.definition, roleArn: resolved.roleArn });
  let journal = (): void => {};
  const mocks = ctx.mocks.for(machine.name, prepared.definition as unknown as Json, testCase, () => journal());
  const execution = prepared.startExecution(input, { name, mocks, synchronous: request.synchronous });
  const meta = {
    stateMachineArn: machine.arn,
    ...(resolved.versionArn === undefined ? {} : { versionArn: resolved.versionArn }),
    ...(resolved.aliasArn === undefined ? {} : { aliasArn: resolved.aliasArn }),
    inputText: request.inputText,
    type: machine.type,
    ...(testCase === undefined ? {} : { testCase }),
    definitionText: resolved.definition,
    roleArn: resolved.roleArn,
    revisionId,
  };
  const record = ctx.executions.add({ ...meta, execution });
  ctx.persistence.started(execution, meta);
  journal = () => ctx.persistence.sync(execution);
  void execution.result.then(() => ctx.persistence.ended(execution));
  return { record, existing: false };
}

function parseInput(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new ApiError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${(error as Error).message}'`);
  }
}
