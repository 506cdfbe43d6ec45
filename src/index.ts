/**
 * `statecraft`: the typed workflow DSL and the DSL → ASL compiler. This file is the package root's
 * complete, curated list of public names (the package is built from it, see tsdown.config.ts); the
 * other areas have their own entry points: `statecraft/interpreter`, `statecraft/asl`,
 * `statecraft/iam`, `statecraft/testing`. Loading it loads neither TypeScript nor prettier.
 *
 * @example
 * import { workflow, lambda, lambdaFunction, compileWorkflow } from 'statecraft';
 * const charge = lambdaFunction<{ id: string }, { chargeId: string }>()('arn:aws:lambda:us-east-1:123456789012:function:charge');
 * const flow = workflow('Orders').task('Charge', lambda.invoke(charge, (s) => ({ id: s.id }))).succeed('Done');
 * const { definition } = compileWorkflow(flow);
 */

// Workflows and chains
export { workflow, isWorkflow, inputSchemaOf, type Workflow, type WorkflowConfig, type VariableDeclarations } from './dsl/workflow';
export { chain, fail, succeed, type Chain, type Start, type ChoiceOptions } from './dsl/states/chain';
export type { ChainLike, ClosedChain, ChainMode, OutputOf } from './dsl/states/chain-like';
export { stateNamed, type NamedTarget, type Target } from './dsl/states/targets';

// State options
export type { TaskOptions } from './dsl/states/task';
export type { PassOptions } from './dsl/states/pass';
export type { WaitOptions } from './dsl/states/wait';
export type { FailOptions, SucceedOptions } from './dsl/states/terminal-states';
export type { ParallelOptions } from './dsl/states/parallel';
export type {
  MapOptions,
  MapIteration,
  ItemScope,
  ItemReaderOptions,
  ItemBatcherOptions,
  ResultWriterOptions,
  ReaderConfig,
  ReaderItem,
  IterationInput,
  MapResult,
  MapRunExport,
  CsvRow,
  S3ObjectSummary,
  S3InventoryItem,
  S3GetObjectReaderParameters,
  S3ListObjectsReaderParameters,
  S3ResultWriterParameters,
} from './dsl/states/map';
export type { RetryOptions, CatchOptions, ErrorOutput, CatchScope } from './dsl/states/error-handling';
export type {
  DataFlowOptions,
  DataScope,
  AssignOption,
  OutputOption,
  InputPathOption,
  ResultSelectorOption,
  ParametersOption,
} from './dsl/states/data-flow-options';
export type { DynamicSetting } from './dsl/states/dynamic-setting';
export type { StateOutput } from './dsl/states/state-output';
export type { StateOptions } from './dsl/states/state-options';

// Choice rules
export type { ChoiceBuilder, ChoiceTest, ChoiceRuleOptions } from './dsl/choice/choice-builder';
export {
  eq,
  lt,
  lte,
  gt,
  gte,
  string,
  numeric,
  timestamp,
  boolean,
  matches,
  isPresent,
  isNull,
  isNumeric,
  isString,
  isBoolean,
  isTimestamp,
  and,
  or,
  not,
  commented,
} from './dsl/choice/comparisons';
export { condition, type Condition } from './dsl/choice/condition';

// Values: paths, variables, context, intrinsics, JSONata
export { selector, type Selector } from './dsl/paths/selector';
export { jsonPath } from './dsl/paths/json-path';
export type { ResultPathOption, PlaceResult, MemberPath } from './dsl/paths/result-path';
export { ctx, type ContextObject, type CallbackContextObject, type MapItemContextObject, type TaskToken } from './dsl/context/context-object';
export { variable } from './dsl/variables/variable';
export type { AnyVariables, Assignments, VariablesOf } from './dsl/variables/assignments';
export { States, type HashAlgorithm } from './dsl/intrinsics/states';
export { jsonata } from './dsl/intrinsics/jsonata';
export type { Expr, Dynamic, Resolve, Template } from './dsl/values/expr';
export type { ErrorList, ErrorName, NotCatchable } from './dsl/errors/error-names';
export { DslUsageError } from './dsl/errors/dsl-usage-error';

// Integrations (Task state builders)
export { returns, withResultSchema, type TaskIntegration, type ResultOf, type ErrorsOf, type PayloadArg, type Returns, type ResultSpec } from './dsl/integrations/task-integration';
export { resultSchemasOf } from './dsl/ast/result-schemas';
export { lambda, lambdaFunction, type LambdaFunction, type LambdaInvokeRequest, type LambdaInvokeResult, type LambdaServiceError, type LambdaRuntimeError, type LambdaCallOptions } from './dsl/integrations/lambda';
export { sns, type SnsPublishParams, type SnsPublishResult, type SnsError } from './dsl/integrations/sns';
export { sqs, type SqsSendMessageParams, type SqsSendMessageResult, type SqsError } from './dsl/integrations/sqs';
export {
  dynamodb,
  type AttributeValue,
  type DynamoGetItemParams,
  type DynamoPutItemParams,
  type DynamoUpdateItemParams,
  type DynamoDeleteItemParams,
  type DynamoItemResult,
  type DynamoDbError,
  type AttributeValueRead,
  type AttributeValueOf,
  type AttributeMap,
  type AttributeKey,
  type ResultItem,
  type DynamoQueryParams,
  type DynamoGetItemResult,
  type DynamoWriteItemResult,
  type DynamoUpdateItemResult,
  type DynamoQueryResult,
  type ItemTypeOption,
} from './dsl/integrations/dynamodb';
export { batch, type BatchSubmitJobParams, type BatchSubmitJobResult, type BatchJobDescription, type BatchError } from './dsl/integrations/batch';
export { ecs, type EcsRunTaskParams, type EcsRunTaskResult, type EcsTaskDescription, type EcsError } from './dsl/integrations/ecs';
export { glue, type GlueStartJobRunParams, type GlueJobRun, type GlueError } from './dsl/integrations/glue';
export {
  stepFunctions,
  type StartExecutionParams,
  type StartExecutionResult,
  type StartExecutionSyncResult,
  type StepFunctionsError,
} from './dsl/integrations/step-functions';
export { eventBridge, type EventBridgeEntry, type PutEventsParams, type PutEventsResult, type EventBridgeError } from './dsl/integrations/eventbridge';
export { http, type HttpInvokeParams, type HttpInvokeResult, type HttpError } from './dsl/integrations/http';
export { activity, runActivity, type Activity } from './dsl/integrations/activity';
export { awsSdk, type AwsSdkError } from './dsl/integrations/aws-sdk';
export { optimized, type ServiceError } from './dsl/integrations/optimized';
export { serviceTask } from './dsl/integrations/service-task';

// Compiling to ASL
export { compileWorkflow, type CompiledWorkflow } from './compiler/compile-workflow';
export { WorkflowCompileError, formatDiagnostic, type CompileDiagnostic } from './compiler/compile-error';
export { formatDefinition } from './compiler/format-definition';
export type { StateMachineDefinition } from './asl/types';
