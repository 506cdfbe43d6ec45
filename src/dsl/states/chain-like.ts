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
export interface ChainLike<In, Out, Mode extends ChainMode = ChainMode, Tasks = {}> {
  readonly [CHAIN_NODE]: ChainNode;
  /** Type-only. */
  readonly [CHAIN_TYPES]?: { input: (input: In) => void; output: Out; mode: Mode; tasks: Tasks };
}

/**
 * Type-only: what a chain's type records of one Task state, for typed mocks
 * (`statecraft/testing`'s `mocksFor`): the state input it reads, its integration's result and the
 * request the integration sends (`unknown` when the integration does not type it).
 */
export interface TaskTypes<Input, Result, Request = unknown> {
  input: Input;
  result: Result;
  request: Request;
}

/** The Task states a chain (or a target: a fragment, or a function building one) records, by name. */
export type TasksIn<C> = C extends (start: any) => infer Built
  ? TasksIn<Built>
  : C extends { readonly [CHAIN_TYPES]?: { tasks: infer T } }
    ? T
    : {};

/** The Task states of several chains together (branches of a Parallel). */
export type AllTasksIn<Cs> = UnionToIntersection<TasksIn<Cs>> extends infer T ? ([T] extends [never] ? {} : T) : {};

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** A chain that ends in Choice, Succeed, Fail or an explicit `.next(...)`: nothing can be appended. */
export type ClosedChain<In, Out, Mode extends ChainMode = 'fragment', Tasks = {}> = ChainLike<In, Out, Mode, Tasks>;

/** What a chain or workflow outputs: `OutputOf<typeof orderFlow>`. */
export type OutputOf<C> = C extends ChainLike<any, infer Out, any> ? Out : never;

export function chainNodeOf(chain: ChainLike<unknown, unknown, ChainMode, unknown>): ChainNode {
  return chain[CHAIN_NODE];
}

export function isChainLike(value: unknown): value is ChainLike<unknown, unknown> {
  return typeof value === 'object' && value !== null && CHAIN_NODE in value;
}
