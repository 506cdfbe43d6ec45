import type { Json, JsonObject, StateType } from '../asl/types';
import { formatTimestamp } from '../interpreter/clock';
import { randomUuid, type RandomSource } from '../interpreter/random/seeded-random';
import { TESTED_STATE_NAME } from './state-under-test';

// As in executions, only states that can retry have `$$.State.RetryCount` (recorded: a Pass's has none).
const RETRYING_TYPES: ReadonlySet<StateType> = new Set(['Task', 'Parallel', 'Map']);

export interface MadeUpContext {
  input: Json;
  roleArn: string | undefined;
  stateType: StateType;
  retryCount: number;
  nowMs: number;
  region: string;
  accountId: string;
  random: RandomSource;
}

/**
 * The context object TestState runs a state with when the request gives none (recorded on AWS):
 * an Express execution of a throw-away state machine, started now, with the request's input and
 * role (`RoleArn: null` without one), and the state named `StateName`.
 */
export function madeUpContext(c: MadeUpContext): JsonObject {
  const machineName = `TestStateMachine-${randomUuid(c.random)}`;
  const executionName = randomUuid(c.random);
  const now = formatTimestamp(c.nowMs);
  const state: JsonObject = { Name: TESTED_STATE_NAME, EnteredTime: now };
  if (RETRYING_TYPES.has(c.stateType)) state.RetryCount = c.retryCount;
  return {
    Execution: {
      Id: `arn:aws:states:${c.region}:${c.accountId}:express:${machineName}:${executionName}`,
      Input: c.input,
      Name: executionName,
      RoleArn: c.roleArn ?? null,
      StartTime: now,
    },
    StateMachine: { Id: `arn:aws:states:${c.region}:${c.accountId}:stateMachine:${machineName}`, Name: machineName },
    State: state,
  };
}
