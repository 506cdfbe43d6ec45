import type { Json, JsonObject } from '../../../src/asl/types';
import { loadExecutionCases } from '../../../src/conformance/cases';

/** One `intrinsic_functions` execution recorded on AWS (see /work/shared/conformance/README.md). */
export interface RecordedCase {
  id: string;
  feature: string;
  definition: { StartAt: string; States: Record<string, JsonObject>; QueryLanguage?: string };
  input: Json;
  context: {
    executionArn: string;
    executionName: string;
    stateMachineArn: string;
    stateMachineName: string;
    roleArn: string;
    startTime: string;
  };
  expected: { status: string; output?: Json; error?: string; cause?: string };
  ignore?: string[];
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
