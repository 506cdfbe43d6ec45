/**
 * Statecraft's workflow DSL: typed, immutable builder chains that describe a Step Functions state
 * machine. Builders produce a frozen plain-data description (`Ast`); `compileWorkflow` from
 * `src/compiler` turns it into ASL.
 *
 * @example
 * const Order = z.object({ order: z.object({ id: z.string(), total: z.number() }) });
 * const charge = lambdaFunction<{ orderId: string; amount: number }, { chargeId: string }>()(
 *   'arn:aws:lambda:eu-west-1:123456789012:function:charge', { errors: ['PaymentDeclined'] });
 *
 * export const orderFlow = workflow('OrderFlow', { input: Order })
 *   .task('Charge', lambda.invoke(charge, s => ({ orderId: s.order.id, amount: s.order.total })), { resultPath: 'charge' })
 *   .retry(['Lambda.ServiceException'], { maxAttempts: 6, backoffRate: 2, jitter: 'FULL' })
 *   .catch(['PaymentDeclined'], fail('Declined', { error: 'PaymentDeclined' }))
 *   .choice('Big order?', c => c.when(s => gt(s.order.total, 1000), 'Charge').otherwise(succeed('Done')));
 */
export { workflow, isWorkflow, workflowDescription, inputSchemaOf, type Workflow, type WorkflowConfig, type VariableDeclarations } from './workflow';
export { Chain, chain, fail, succeed, type Start, type ChoiceOptions, type WorkflowSettings } from './states/chain';
export type { ChainLike, ClosedChain, ChainMode, OutputOf } from './states/chain-like';
export { stateNamed, type NamedTarget, type Target } from './states/targets';
export type { TaskOptions } from './states/task';
export type { PassOptions } from './states/pass';
export type { WaitOptions } from './states/wait';
export type { FailOptions, SucceedOptions } from './states/terminal-states';
export type { ParallelOptions } from './states/parallel';
export type * from './states/map';
export type { RetryOptions, CatchOptions, ErrorOutput, CatchScope } from './states/error-handling';
export type * from './states/data-flow-options';
export type { DynamicSetting } from './states/dynamic-setting';
export type { StateOutput } from './states/state-output';
export type { StateOptions } from './states/state-options';
export { ChoiceBuilder, type ChoiceTest, type ChoiceRuleOptions } from './choice/choice-builder';
export * from './choice/comparisons';
export { condition, type Condition } from './choice/condition';
export { selector, type Selector } from './paths/selector';
export { jsonPath } from './paths/json-path';
export type { ResultPathOption, PlaceResult, MemberPath } from './paths/result-path';
export { ctx, type ContextObject, type CallbackContextObject, type MapItemContextObject, type TaskToken } from './context/context-object';
export { variable } from './variables/variable';
export type { AnyVariables, Assignments, VariablesOf } from './variables/assignments';
export { States, type HashAlgorithm } from './intrinsics/states';
export { jsonata } from './intrinsics/jsonata';
export { isExpr, type Expr, type Dynamic, type Resolve, type Template } from './values/expr';
export type { ErrorList, ErrorName, NotCatchable } from './errors/error-names';
export { DslUsageError } from './errors/dsl-usage-error';
export * from './integrations/index';
export type * as Ast from './ast/index';
export { resultSchemasOf } from './ast/result-schemas';
