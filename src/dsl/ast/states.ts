import type { IntegrationPattern } from '../../asl/task-resource';
import type { QueryLanguage } from '../../asl/types';
import type { ZodType } from 'zod';
import type { ChainNode, TargetNode } from './chain';
import type { CatcherNode, RetrierNode } from './error-handling';
import type { SourceLocation } from './source-location';
import type { JsonataNode, PathNode, RawPathNode, ValueNode } from './value';

/** A path-valued JSONPath field (InputPath, OutputPath): a recorded path, a raw JSONPath, or `null`. */
export type PathField = PathNode | RawPathNode | null;

/**
 * Fields every state node shares. Which of the data-flow fields are valid depends on the state
 * type and the query language; the compiler checks that, so the builder can stay uniform.
 */
export interface StateNodeBase {
  readonly name: string;
  readonly comment?: string;
  readonly queryLanguage?: QueryLanguage;
  readonly source: SourceLocation;
  /** JSONPath: InputPath. */
  readonly inputPath?: PathField;
  /** JSONPath: OutputPath. */
  readonly outputPath?: PathField;
  /** JSONata: Output. */
  readonly output?: ValueNode;
  /** Assign (both languages). */
  readonly assign?: ValueNode;
}

/** Task/Parallel/Map/Pass result handling (JSONPath) and the work's input. */
export interface ResultHandling {
  /** Parameters (JSONPath) or Arguments (JSONata). */
  readonly payload?: ValueNode;
  readonly resultSelector?: ValueNode;
  /** `null` discards the result; absent: the result replaces the input. */
  readonly resultPath?: PathNode | null;
}

export interface ErrorHandling {
  readonly retry: readonly RetrierNode[];
  readonly catch: readonly CatcherNode[];
}

export type { IntegrationPattern };

/** What a Task runs. */
export interface ResourceNode {
  /** Integration name for messages, e.g. `lambda:invoke`, `activity`, `aws-sdk:s3:getObject`. */
  readonly integration: string;
  readonly resource: string;
  readonly pattern: IntegrationPattern;
  /** Error names the resource can raise (besides `States.*`). */
  readonly errors: readonly string[];
}

/**
 * A zod schema of a task's result, given beside its TypeScript type (`lambda.invoke(fn, payload,
 * { result: schema })`). Never emitted: the testing helpers and verify read it to check and
 * generate results. `of: 'Payload'`: it describes the Lambda function's payload inside the
 * `lambda:invoke` response; `'result'`: the whole result.
 */
export interface ResultSchemaNode {
  readonly schema: ZodType;
  readonly of: 'result' | 'Payload';
}

export interface TaskNode extends StateNodeBase, ResultHandling, ErrorHandling {
  readonly kind: 'Task';
  readonly resource: ResourceNode;
  readonly resultSchema?: ResultSchemaNode;
  readonly timeoutSeconds?: ValueNode;
  readonly heartbeatSeconds?: ValueNode;
  readonly credentials?: ValueNode;
}

export interface PassNode extends StateNodeBase, ResultHandling {
  readonly kind: 'Pass';
  readonly result?: ValueNode;
}

export interface WaitNode extends StateNodeBase {
  readonly kind: 'Wait';
  readonly seconds?: ValueNode;
  readonly timestamp?: ValueNode;
}

export interface SucceedNode extends StateNodeBase {
  readonly kind: 'Succeed';
}

export interface FailNode extends StateNodeBase {
  readonly kind: 'Fail';
  readonly error?: ValueNode;
  readonly cause?: ValueNode;
}

/** A JSONPath data test or boolean combination, or a JSONata condition. */
export type ConditionNode =
  | {
      readonly kind: 'compare';
      /** Base operator from `src/asl/choice-operators.ts`, e.g. `NumericGreaterThan`. */
      readonly operator: string;
      readonly variable: PathNode | RawPathNode;
      /** A literal, or a path (emitted as the operator's `...Path` form). */
      readonly operand: ValueNode;
      /** `Comment` of a nested JSONPath rule (inside And/Or/Not). */
      readonly comment?: string;
    }
  | { readonly kind: 'and' | 'or'; readonly conditions: readonly ConditionNode[]; readonly comment?: string }
  | { readonly kind: 'not'; readonly condition: ConditionNode; readonly comment?: string }
  | {
      readonly kind: 'jsonata';
      readonly expression: JsonataNode | { readonly kind: 'literal'; readonly value: boolean };
      /** The rule's `Condition` is the JSON boolean itself (`"Condition": true`), not a `{% %}` string. */
      readonly literal?: boolean;
    };

export interface ChoiceRuleNode {
  readonly condition: ConditionNode;
  readonly target: TargetNode;
  readonly assign?: ValueNode;
  readonly output?: ValueNode;
  readonly comment?: string;
  readonly source: SourceLocation;
}

export interface ChoiceNode extends StateNodeBase {
  readonly kind: 'Choice';
  readonly rules: readonly ChoiceRuleNode[];
  readonly otherwise?: TargetNode;
}

export interface ParallelNode extends StateNodeBase, ResultHandling, ErrorHandling {
  readonly kind: 'Parallel';
  readonly branches: readonly ChainNode[];
}

export interface ItemReaderNode {
  readonly resource: string;
  readonly payload?: ValueNode;
  readonly readerConfig?: ValueNode;
}

export interface ItemBatcherNode {
  readonly maxItemsPerBatch?: ValueNode;
  readonly maxInputBytesPerBatch?: ValueNode;
  readonly batchInput?: ValueNode;
}

export interface ResultWriterNode {
  readonly resource?: string;
  readonly payload?: ValueNode;
  readonly writerConfig?: ValueNode;
}

export interface MapNode extends StateNodeBase, ErrorHandling {
  readonly kind: 'Map';
  readonly processor: ChainNode;
  readonly mode: 'INLINE' | 'DISTRIBUTED';
  readonly executionType?: 'STANDARD' | 'EXPRESS';
  /** ItemsPath (JSONPath, a path) or Items (JSONata). */
  readonly items?: ValueNode;
  readonly itemSelector?: ValueNode;
  readonly itemReader?: ItemReaderNode;
  readonly itemBatcher?: ItemBatcherNode;
  readonly resultWriter?: ResultWriterNode;
  readonly maxConcurrency?: ValueNode;
  readonly toleratedFailurePercentage?: ValueNode;
  readonly toleratedFailureCount?: ValueNode;
  readonly label?: string;
  /** `ProcessorConfig` as written (overrides what `mode`/`executionType` give). */
  readonly processorConfig?: { readonly Mode?: 'INLINE' | 'DISTRIBUTED'; readonly ExecutionType?: 'STANDARD' | 'EXPRESS' };
  /** Deprecated field names to emit: `Iterator` for ItemProcessor, `Parameters` for ItemSelector. */
  readonly legacyFields?: { readonly iterator?: boolean; readonly parameters?: boolean };
  readonly resultSelector?: ValueNode;
  readonly resultPath?: PathNode | null;
}

export type StateNode = TaskNode | PassNode | WaitNode | SucceedNode | FailNode | ChoiceNode | ParallelNode | MapNode;
