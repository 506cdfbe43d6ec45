import type { Json } from '../asl/types';
import type { CHAIN_TYPES } from '../dsl/states/chain-like';
import type { LambdaInvokeResult } from '../dsl/integrations/lambda';
import type { NeverAnswers, SyncJob, TaskInvocation } from '../interpreter/index';

/**
 * The Task states of a workflow as its type records them: state name → the state input the task
 * reads and the result its integration returns (`.task(name, integration)` adds one, in nested
 * branches, Map processors, choice and catch targets too).
 */
export type TasksOf<W> = W extends { readonly [CHAIN_TYPES]?: { tasks: infer T } } ? T : never;

/**
 * What a mock returns for a task whose integration result is `R`. For `lambda.invoke` that is the
 * function's payload (the interpreter wraps it in the Lambda response, as AWS does), else `R`.
 */
export type MockResultOf<R> = R extends LambdaInvokeResult<infer Payload> ? Payload | R : R;

/**
 * One typed mock: receives the task's effective input (the request its integration sends, typed
 * `I`), returns its result (or throws `taskFailure(...)`).
 */
export type TypedTaskMock<R, I = Json> = (
  input: I,
  invocation: TaskInvocation,
) => MockResultOf<R> | NeverAnswers | SyncJob | Promise<MockResultOf<R> | NeverAnswers | SyncJob>;

/**
 * Mocks for a workflow's Task states, keyed by state name; every key must name a Task state. Each
 * mock's input is the request its task's integration sends, where the DSL types it (a Lambda
 * function's `In`, `{ FunctionName, Payload: In }` for `lambda.invoke`, an optimized integration's
 * request parameters, an activity's `In`); `Json` where it does not (e.g. `aws-sdk` calls).
 */
export type WorkflowMocks<W> = { [Name in keyof TasksOf<W>]?: TypedTaskMock<ResultOfTask<TasksOf<W>[Name]>, MockInputOf<TasksOf<W>[Name]>> };

/**
 * The input a task's mock receives: the request its integration sends when the DSL types it, else `Json`.
 *
 * @example
 * type ChargeInput = MockInputOf<TasksOf<typeof orderFlow>['Charge']>; // { FunctionName: string; Payload: { orderId: string; amount: number } }
 */
export type MockInputOf<T> = T extends { request: infer Q } ? (unknown extends Q ? Json : Q) : Json;

type ResultOfTask<T> = T extends { result: infer R } ? R : never;

/**
 * Typed mocks for a workflow: `mocksFor(orderFlow)({ Charge: (input) => ({ chargeId: 'ch_1' }) })`.
 * A key that is not one of the workflow's Task states (a typo, a renamed state) is a type error, and
 * each mock's return value is checked against its task's result type. At run time the mocks are
 * the interpreter's plain `TaskMocks`.
 *
 * @example
 * const mocks = mocksFor(orderFlow)({ Charge: () => ({ chargeId: 'ch_1' }) });
 * const execution = await run(orderFlow, input, { mocks });
 */
export function mocksFor<W>(workflow: W): <const M extends WorkflowMocks<W>>(mocks: M & NoExtraKeys<M, WorkflowMocks<W>>) => M {
  void workflow;
  return (mocks) => mocks;
}

type NoExtraKeys<M, Allowed> = { [K in Exclude<keyof M, keyof Allowed>]: never };
