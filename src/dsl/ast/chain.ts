import type { SourceLocation } from './source-location';
import type { StateNode } from './states';

/**
 * Where a transition goes: into a chain (whose first state is the target; a chain reached from
 * several places is emitted once) or to a state named explicitly (loops, joins).
 */
export type TargetNode =
  | { readonly kind: 'chain'; readonly chain: ChainNode }
  | { readonly kind: 'name'; readonly name: string; readonly source: SourceLocation };

/** What follows the last step of a chain. */
export type TailNode = { readonly kind: 'end' } | { readonly kind: 'next'; readonly target: TargetNode };

/**
 * A sequence of states: `steps[i]` transitions to `steps[i + 1]`, the last one to `tail`.
 * Choice, Succeed and Fail close a chain (they have no `Next`).
 */
export interface ChainNode {
  readonly kind: 'chain';
  readonly steps: readonly StateNode[];
  readonly tail: TailNode;
}
