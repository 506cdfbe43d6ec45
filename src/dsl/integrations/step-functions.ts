import type { StepFunctionsExecutionDescription } from './job-results/job-result-shapes';
import { catalogueCall } from './service-action';
import { withChildWorkflows, type StartExecutionBuilder } from './child-workflow';

/** The request of Step Functions `StartExecution` (a nested execution). */
export interface StartExecutionParams {
  StateMachineArn: string;
  Input?: unknown;
  Name?: string;
}
/** What Step Functions `StartExecution` returns (request-response: the execution ARN and start date, epoch milliseconds). */
export interface StartExecutionResult {
  ExecutionArn: string;
  StartDate: number;
}
/**
 * `.sync` / `.sync:2` result: the child's `DescribeExecution` record as Step Functions hands it
 * over (PascalCase members, dates in epoch milliseconds; the type is generated from the AWS API
 * model, see `job-results/`). `.sync` gives the child's `Input`/`Output` as JSON text, `.sync:2`
 * as JSON. A failed child fails the task, so a result always has its `Output`.
 */
export interface StartExecutionSyncResult<Output> extends Omit<StepFunctionsExecutionDescription, 'Input' | 'Output'> {
  Input: Output extends string ? string : unknown;
  Output: Output;
}
/** Error names nested-execution tasks raise (`StepFunctions.*`), for `.retry`/`.catch`. */
export type StepFunctionsError = `StepFunctions.${string}`;


/**
 * Nested workflows: `stepFunctions.startExecution(...)`, `.sync(...)`, `.sync2(...)` (`.sync:2`,
 * output as JSON) and `.waitForTaskToken(...)`. Each also takes the child workflow first: its input
 * schema then types `Input`, and `.sync2`'s result carries the child's output type.
 *
 * @example
 * .task('Child', stepFunctions.startExecution.sync2(s => ({ StateMachineArn: childArn, Input: { order: s.order } })))
 * .task('Approve', stepFunctions.startExecution.sync2(approvalFlow, s => ({ StateMachineArn: approvalArn, Input: { orderId: s.order.id } })))
 */
export const stepFunctions: {
  readonly startExecution: StartExecutionBuilder<
    StartExecutionParams,
    StartExecutionResult,
    StartExecutionSyncResult<string>,
    StartExecutionSyncResult<unknown>,
    StepFunctionsError
  >;
} = Object.freeze({
  startExecution: withChildWorkflows<
    StartExecutionParams,
    StartExecutionResult,
    StartExecutionSyncResult<string>,
    StartExecutionSyncResult<unknown>,
    StepFunctionsError
  >(
    catalogueCall('states', 'startExecution')<
      StartExecutionParams,
      StartExecutionResult,
      StepFunctionsError,
      StartExecutionSyncResult<string>,
      StartExecutionSyncResult<unknown>
    >() as never,
  ),
});
