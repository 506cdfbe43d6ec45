import type { TargetNode } from '../ast/chain';
import type { CatcherNode, RetrierNode } from '../ast/error-handling';
import { captureSource } from '../source/capture-source';
import { resultPathNode, type ResultPathOption } from '../paths/result-path';
import { selector, type Selector } from '../paths/selector';
import { contextSelector, type ContextObject } from '../context/context-object';
import { toValueNode } from '../values/to-value-node';
import { assignNode } from './data-flow-options';
import type { AnyVariables, Assignments } from '../variables/assignments';

/** Retrier settings (ASL `Retry`); defaults are AWS's: 1 s, 3 attempts, ×2.0, no jitter. */
export interface RetryOptions {
  intervalSeconds?: number;
  maxAttempts?: number;
  backoffRate?: number;
  maxDelaySeconds?: number;
  jitter?: 'FULL' | 'NONE';
  comment?: string;
}

/** The error output a catcher receives. */
export interface ErrorOutput {
  Error: string;
  Cause: string;
}

/** What a catcher's `output`/`assign` can read: the state input and the error output. */
export interface CatchScope<S> {
  readonly input: Selector<S>;
  readonly error: Selector<ErrorOutput>;
  readonly ctx: Selector<ContextObject>;
}

/** Catcher settings (ASL `Catch`). */
export interface CatchOptions<S, V = AnyVariables> {
  /** JSONPath: where the error output goes in the input (`'error'`); `null` keeps the input. */
  resultPath?: ResultPathOption<S>;
  /** JSONata: the output passed to the handler. */
  output?: (scope: CatchScope<S>) => unknown;
  assign?: (scope: CatchScope<S>) => Assignments<V>;
  comment?: string;
}

export function retrierNode(errors: readonly string[], options: RetryOptions = {}): RetrierNode {
  return Object.freeze({
    errorEquals: Object.freeze([...errors]),
    ...(options.intervalSeconds !== undefined && { intervalSeconds: options.intervalSeconds }),
    ...(options.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }),
    ...(options.backoffRate !== undefined && { backoffRate: options.backoffRate }),
    ...(options.maxDelaySeconds !== undefined && { maxDelaySeconds: options.maxDelaySeconds }),
    ...(options.jitter !== undefined && { jitterStrategy: options.jitter }),
    ...(options.comment !== undefined && { comment: options.comment }),
    source: captureSource(),
  });
}

export function catcherNode<S>(errors: readonly string[], target: TargetNode, options: CatchOptions<S> = {}): CatcherNode {
  const scope: CatchScope<S> = { input: selector<S>('input'), error: selector<ErrorOutput>('errorOutput'), ctx: contextSelector() };
  return Object.freeze({
    errorEquals: Object.freeze([...errors]),
    target,
    ...(options.resultPath !== undefined && { resultPath: resultPathNode(options.resultPath, 'catch resultPath') }),
    ...(options.output && { output: toValueNode(options.output(scope), 'catch output') }),
    ...(options.assign && { assign: assignNode(options.assign(scope) as Record<string, unknown>) }),
    ...(options.comment !== undefined && { comment: options.comment }),
    source: captureSource(),
  });
}
