import type { QueryLanguage } from '../../asl/types';
import type { ChainNode } from './chain';
import type { SourceLocation } from './source-location';

/** The frozen description of a workflow that the compiler reads. */
export interface WorkflowNode {
  readonly kind: 'workflow';
  readonly name: string;
  readonly comment?: string;
  readonly queryLanguage?: QueryLanguage;
  readonly timeoutSeconds?: number;
  readonly version?: string;
  readonly stateMachineType: 'STANDARD' | 'EXPRESS';
  /** The variable names given as `variables` (absent: the workflow declares none, any name may be assigned). */
  readonly variables?: readonly string[];
  readonly chain: ChainNode;
  readonly source: SourceLocation;
}
