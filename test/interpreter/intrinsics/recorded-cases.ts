import type { Json, JsonObject } from '../../../src/asl/types';
import { loadExecutionCases, type ExecutionCase } from '../../../src/conformance/cases';

/** One `intrinsic_functions` execution recorded on AWS, with the definition shape these tests read. */
export interface RecordedCase extends Omit<ExecutionCase, 'definition'> {
  definition: { StartAt: string; States: Record<string, JsonObject>; QueryLanguage?: string };
}

/** The recorded cases of one feature, in file order. */
export function loadRecordedCases(feature: string): RecordedCase[] {
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
