import { catalogueCall } from './service-action';

/** The request of Step Functions `StartExecution` (a nested execution). */
export interface StartExecutionParams {
  StateMachineArn: string;
  Input?: unknown;
  Name?: string;
}
/** What Step Functions `StartExecution` returns (request-response: the execution ARN and start date). */
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
/** Error names nested-execution tasks raise (`StepFunctions.*`), for `.retry`/`.catch`. */
export type StepFunctionsError = `StepFunctions.${string}`;


/**
 * Nested workflows: `stepFunctions.startExecution(...)`, `.sync(...)`, `.sync2(...)` (`.sync:2`,
 * output as JSON) and `.waitForTaskToken(...)`.
 *
 * @example
 * .task('Child', stepFunctions.startExecution.sync2(s => ({ StateMachineArn: childArn, Input: { order: s.order } })))
 */
export const stepFunctions = Object.freeze({
  startExecution: catalogueCall('states', 'startExecution')<
    StartExecutionParams,
    StartExecutionResult,
    StepFunctionsError,
    StartExecutionSyncResult<string>,
    StartExecutionSyncResult<unknown>
  >(),
});
