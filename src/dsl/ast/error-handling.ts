import type { SourceLocation } from './source-location';
import type { TargetNode } from './chain';
import type { PathNode, ValueNode } from './value';

export interface RetrierNode {
  readonly errorEquals: readonly string[];
  readonly intervalSeconds?: number;
  readonly maxAttempts?: number;
  readonly backoffRate?: number;
  readonly maxDelaySeconds?: number;
  readonly jitterStrategy?: 'FULL' | 'NONE';
  readonly comment?: string;
  readonly source: SourceLocation;
}

export interface CatcherNode {
  readonly errorEquals: readonly string[];
  readonly target: TargetNode;
  /** `null` keeps the input and drops the error; absent: the error output replaces the input. */
  readonly resultPath?: PathNode | null;
  readonly output?: ValueNode;
  readonly assign?: ValueNode;
  readonly comment?: string;
  readonly source: SourceLocation;
}
