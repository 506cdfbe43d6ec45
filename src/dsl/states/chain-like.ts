import type { ChainNode } from '../ast/chain';

export const CHAIN_NODE: unique symbol = Symbol.for('statecraft.chain-node') as never;
/** Type-only member key (never set at run time). */
export const CHAIN_TYPES: unique symbol = Symbol.for('statecraft.chain-types') as never;

/** `workflow(...)` chains are compiled; `chain<S>()` fragments are placed inside them. */
export type ChainMode = 'workflow' | 'fragment';

/**
 * Anything that holds a sequence of states: a workflow, a fragment, a closed chain. `In` is the
 * input its first state accepts, `Out` what its last state outputs.
 */
export interface ChainLike<In, Out, Mode extends ChainMode = ChainMode> {
  readonly [CHAIN_NODE]: ChainNode;
  /** Type-only. */
  readonly [CHAIN_TYPES]?: { input: (input: In) => void; output: Out; mode: Mode };
}

/** A chain that ends in Choice, Succeed, Fail or an explicit `.next(...)`: nothing can be appended. */
export type ClosedChain<In, Out, Mode extends ChainMode = 'fragment'> = ChainLike<In, Out, Mode>;

export type OutputOf<C> = C extends ChainLike<any, infer Out, any> ? Out : never;

export function chainNodeOf(chain: ChainLike<unknown, unknown>): ChainNode {
  return chain[CHAIN_NODE];
}

export function isChainLike(value: unknown): value is ChainLike<unknown, unknown> {
  return typeof value === 'object' && value !== null && CHAIN_NODE in value;
}
