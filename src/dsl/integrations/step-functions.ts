import { requestResponse, runJob, waitForCallback } from './service-action';

export interface StartExecutionParams {
  StateMachineArn: string;
  Input?: unknown;
  Name?: string;
}
export interface StartExecutionResult {
  ExecutionArn: string;
  StartDate: string;
}
/** `.sync` result: the child's `Output` as a JSON string; `.sync:2`: as JSON. */
export interface StartExecutionSyncResult<Output> {
  ExecutionArn: string;
  StateMachineArn: string;
  Name: string;
  Status: string;
  StartDate: string;
  StopDate: string;
  Input: Output extends string ? string : unknown;
  Output: Output;
  [field: string]: unknown;
}
export type StepFunctionsError = `StepFunctions.${string}`;

const startExecution = { service: 'states', action: 'startExecution', errors: [] as StepFunctionsError[] };

/**
 * Nested workflows: `stepFunctions.startExecution(...)`, `.sync(...)`, `.sync2(...)` (`.sync:2`,
 * output as JSON) and `.waitForTaskToken(...)`.
 *
 * @example
 * .task('Child', stepFunctions.startExecution.sync2(s => ({ StateMachineArn: childArn, Input: { order: s.order } })))
 */
export const stepFunctions = Object.freeze({
  startExecution: Object.assign(
    requestResponse<StartExecutionParams, StartExecutionResult, StepFunctionsError>(startExecution),
    {
      sync: runJob<StartExecutionParams, StartExecutionSyncResult<string>, StepFunctionsError>(startExecution, 'sync'),
      sync2: runJob<StartExecutionParams, StartExecutionSyncResult<unknown>, StepFunctionsError>(startExecution, 'sync:2'),
      waitForTaskToken: waitForCallback<StartExecutionParams, StepFunctionsError>(startExecution),
    },
  ),
});
