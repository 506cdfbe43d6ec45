import type { Json, JsonObject } from '../../../src/asl/types';
import { EXECUTIONS_FILE, loadExecutionCases, type ExecutionCase } from '../../../src/conformance/cases';
import { recordedCasesPresent } from '../../support/recorded-cases';

/** One `intrinsic_functions` execution recorded on AWS, with the definition shape these tests read. */
export interface RecordedCase extends Omit<ExecutionCase, 'definition'> {
  definition: { StartAt: string; States: Record<string, JsonObject>; QueryLanguage?: string };
}

/** True when the recorded executions are there (they live outside the repository); says so when not. */
export const hasRecordedCases = recordedCasesPresent('recorded intrinsic_functions cases', EXECUTIONS_FILE);

/** The recorded cases of one feature, in file order (none when the recordings are absent). */
export function loadRecordedCases(feature: string): RecordedCase[] {
  if (!hasRecordedCases) return [];
  return loadExecutionCases<RecordedCase>({ feature });
}

/** The context object (`$$`) a JSONPath state sees on entry, from the case's recorded names. */
export function contextObject(c: RecordedCase, stateName: string): Json {
  return {
    Execution: {
      Id: c.context.executionArn,
      Input: c.input,
      Name: c.context.executionName,
      RoleArn: c.context.roleArn,
      StartTime: c.context.startTime,
      RedriveCount: 0,
    },
    StateMachine: { Id: c.context.stateMachineArn, Name: c.context.stateMachineName },
    State: { Name: stateName, EnteredTime: c.context.startTime, RetryCount: 0 },
  };
}
