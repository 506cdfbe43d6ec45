/**
 * Amazon States Language document types, shared by the compiler (which emits them), the
 * validator and the interpreter (which read them) and the IAM pass.
 *
 * They describe the JSON shape only; what is *valid* (exclusive fields, query-language rules,
 * transitions, ...) is the validator's job (`validateDefinition`). Field names follow ASL exactly.
 */

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** The query language of a state machine or state. */
export type QueryLanguage = 'JSONPath' | 'JSONata';
/** An ASL state `Type`. */
export type StateType = 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

/** Every ASL state `Type`. */
// AWS's order (its schema's list, as its InvalidDefinition message prints it: test-state.jsonl).
export const STATE_TYPES: readonly StateType[] = ['Task', 'Wait', 'Pass', 'Succeed', 'Fail', 'Choice', 'Parallel', 'Map'];

/** A payload template (JSONPath): keys ending in `.$` hold a path or an intrinsic call. */
export type PayloadTemplate = JsonObject;

/** Top-level document. */
export interface StateMachineDefinition {
  Comment?: string;
  StartAt: string;
  States: Record<string, State>;
  Version?: string;
  TimeoutSeconds?: number;
  QueryLanguage?: QueryLanguage;
}

/** `Parallel.Branches[i]`, `Map.ItemProcessor`, `Map.Iterator`. */
export interface NestedStateMachine {
  Comment?: string;
  StartAt: string;
  States: Record<string, State>;
}

/** A Map state's `ItemProcessor`: the states run per item, and how. */
export interface ItemProcessor extends NestedStateMachine {
  ProcessorConfig?: ProcessorConfig;
}

/** A Map `ItemProcessor`'s `ProcessorConfig` (`Mode`, `ExecutionType`). */
export interface ProcessorConfig {
  Mode?: 'INLINE' | 'DISTRIBUTED';
  ExecutionType?: 'STANDARD' | 'EXPRESS';
}

interface StateBase {
  Type: StateType;
  Comment?: string;
  QueryLanguage?: QueryLanguage;
}

interface Transition {
  Next?: string;
  End?: boolean;
}

/** JSONPath input/output filtering (every state but Fail). */
interface PathIO {
  InputPath?: string | null;
  OutputPath?: string | null;
}

/** JSONata output (every state but Fail). */
interface JsonataOutput {
  Output?: Json;
}

type Assign = { Assign?: JsonObject };

/** One entry of a state's `Retry`: errors to retry and how. */
export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
  Comment?: string;
}

/** One entry of a state's `Catch`: errors to catch and where to go. */
export interface Catcher {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
  Output?: Json;
  Assign?: JsonObject;
  Comment?: string;
}

interface ErrorHandling {
  Retry?: Retrier[];
  Catch?: Catcher[];
}

/** A Task state's `Credentials` (the role it assumes). */
export interface TaskCredentials {
  RoleArn?: string;
  'RoleArn.$'?: string;
  [key: string]: Json | undefined;
}

/** An ASL `Task` state. */
export interface TaskState extends StateBase, Transition, PathIO, JsonataOutput, Assign, ErrorHandling {
  Type: 'Task';
  Resource: string;
  Parameters?: PayloadTemplate;
  Arguments?: Json;
  ResultSelector?: PayloadTemplate;
  ResultPath?: string | null;
  TimeoutSeconds?: number | string;
  TimeoutSecondsPath?: string;
  HeartbeatSeconds?: number | string;
  HeartbeatSecondsPath?: string;
  Credentials?: TaskCredentials;
}

/** An ASL `Pass` state. */
export interface PassState extends StateBase, Transition, PathIO, JsonataOutput, Assign {
  Type: 'Pass';
  Result?: Json;
  Parameters?: PayloadTemplate;
  ResultPath?: string | null;
}

/** A JSONPath Choice rule (top-level rules also carry `Next`, `Assign`, `Comment`). */
export interface JsonPathChoiceRule {
  Variable?: string;
  And?: JsonPathChoiceRule[];
  Or?: JsonPathChoiceRule[];
  Not?: JsonPathChoiceRule;
  Next?: string;
  Assign?: JsonObject;
  Comment?: string;
  // Comparison operators (exactly one with Variable). Kept open: the operator table lives in
  // `src/asl/choice-operators.ts`.
  [operator: string]: Json | JsonPathChoiceRule | JsonPathChoiceRule[] | undefined;
}

/** A JSONata Choice rule. */
export interface JsonataChoiceRule {
  Condition: boolean | string;
  Next: string;
  Assign?: JsonObject;
  Output?: Json;
  Comment?: string;
}

/** One rule of a Choice state (JSONPath or JSONata form). */
export type ChoiceRule = JsonPathChoiceRule | JsonataChoiceRule;

/** An ASL `Choice` state. */
export interface ChoiceState extends StateBase, PathIO, JsonataOutput, Assign {
  Type: 'Choice';
  Choices: ChoiceRule[];
  Default?: string;
}

/** An ASL `Wait` state. */
export interface WaitState extends StateBase, Transition, PathIO, JsonataOutput, Assign {
  Type: 'Wait';
  Seconds?: number | string;
  Timestamp?: string;
  SecondsPath?: string;
  TimestampPath?: string;
}

/** An ASL `Succeed` state. */
export interface SucceedState extends StateBase, PathIO, JsonataOutput {
  Type: 'Succeed';
}

/** An ASL `Fail` state. */
export interface FailState extends StateBase {
  Type: 'Fail';
  Error?: string;
  ErrorPath?: string;
  Cause?: string;
  CausePath?: string;
}

/** An ASL `Parallel` state. */
export interface ParallelState extends StateBase, Transition, PathIO, JsonataOutput, Assign, ErrorHandling {
  Type: 'Parallel';
  Branches: NestedStateMachine[];
  Parameters?: PayloadTemplate;
  Arguments?: Json;
  ResultSelector?: PayloadTemplate;
  ResultPath?: string | null;
}

/** A Distributed Map's `ItemReader` (items read from S3). */
export interface ItemReader {
  Resource: string;
  Parameters?: PayloadTemplate;
  Arguments?: Json;
  ReaderConfig?: {
    InputType?: 'CSV' | 'JSON' | 'JSONL' | 'PARQUET' | 'MANIFEST';
    CSVHeaderLocation?: 'FIRST_ROW' | 'GIVEN';
    CSVHeaders?: string[];
    CSVDelimiter?: 'COMMA' | 'PIPE' | 'SEMICOLON' | 'SPACE' | 'TAB';
    MaxItems?: number | string;
    MaxItemsPath?: string;
    Transformation?: 'NONE' | 'LOAD_AND_FLATTEN';
    ManifestType?: 'ATHENA_DATA' | 'S3_INVENTORY';
    ItemsPointer?: string;
  };
}

/** A Distributed Map's `ItemBatcher`. */
export interface ItemBatcher {
  MaxItemsPerBatch?: number | string;
  MaxItemsPerBatchPath?: string;
  MaxInputBytesPerBatch?: number | string;
  MaxInputBytesPerBatchPath?: string;
  BatchInput?: Json;
}

/** A Distributed Map's `ResultWriter` (results written to S3). */
export interface ResultWriter {
  Resource?: string;
  Parameters?: PayloadTemplate;
  Arguments?: Json;
  WriterConfig?: {
    OutputType?: 'JSON' | 'JSONL';
    Transformation?: 'NONE' | 'COMPACT' | 'FLATTEN';
  };
}

/** An ASL `Map` state (inline or distributed). */
export interface MapState extends StateBase, Transition, PathIO, JsonataOutput, Assign, ErrorHandling {
  Type: 'Map';
  ItemProcessor?: ItemProcessor;
  /** Deprecated alias of ItemProcessor (no ProcessorConfig). */
  Iterator?: NestedStateMachine;
  ItemsPath?: string;
  Items?: Json;
  ItemSelector?: Json;
  /** Deprecated alias of ItemSelector (JSONPath). */
  Parameters?: PayloadTemplate;
  ItemReader?: ItemReader;
  ItemBatcher?: ItemBatcher;
  ResultWriter?: ResultWriter;
  MaxConcurrency?: number | string;
  MaxConcurrencyPath?: string;
  ToleratedFailurePercentage?: number | string;
  ToleratedFailurePercentagePath?: string;
  ToleratedFailureCount?: number | string;
  ToleratedFailureCountPath?: string;
  Label?: string;
  ResultSelector?: PayloadTemplate;
  ResultPath?: string | null;
}

/** Any ASL state. */
export type State =
  | TaskState
  | PassState
  | ChoiceState
  | WaitState
  | SucceedState
  | FailState
  | ParallelState
  | MapState;

/** The ASL state interface for a `Type`: `StateOfType<'Task'>` is `TaskState`. */
export type StateOfType<T extends StateType> = Extract<State, { Type: T }>;
