import type { TargetNode } from '../ast/chain';
import { DslUsageError } from '../errors/dsl-usage-error';
import { captureSource } from '../source/capture-source';
import { chainNodeOf, isChainLike, type ChainLike } from './chain-like';

const NAMED_TARGET: unique symbol = Symbol.for('statecraft.named-target') as never;

/** A transition to a state by name, for targets the type of the chain does not know (forward jumps across fragments). */
export interface NamedTarget {
  readonly [NAMED_TARGET]: string;
}

/**
 * Refers to a state by name when a typed reference is impossible (e.g. a jump forward into a state
 * defined later in another fragment). The compiler checks the name exists.
 *
 * @example
 * c.when(s => isPresent(s.retryAt), stateNamed('Wait for retry'))
 */
export function stateNamed(name: string): NamedTarget {
  return Object.freeze({ [NAMED_TARGET]: name });
}

/**
 * Where a transition goes: a state named earlier in this chain (typed), a fragment (`chain<S>()...`
 * or `fail(...)`), an inline fragment built from the current input (`b => b.task(...)`), or
 * `stateNamed(...)`.
 */
export type Target<S, Names extends string, Start> =
  | Names
  | NamedTarget
  | ChainLike<S, unknown, 'fragment'>
  | ((start: Start) => ChainLike<S, unknown, 'fragment'>);

export function targetNode(target: unknown, start: () => unknown): TargetNode {
  if (typeof target === 'string') return Object.freeze({ kind: 'name', name: target, source: captureSource() });
  if (typeof target === 'object' && target !== null && NAMED_TARGET in target) {
    return Object.freeze({ kind: 'name', name: (target as NamedTarget)[NAMED_TARGET], source: captureSource() });
  }
  const chain = typeof target === 'function' ? (target as (start: unknown) => unknown)(start()) : target;
  if (!isChainLike(chain)) {
    throw new DslUsageError('A transition target must be a state name, a chain (chain<S>()...), fail(...)/succeed(...), or b => b.task(...).');
  }
  const node = chainNodeOf(chain);
  if (node.steps.length === 0) {
    throw new DslUsageError('A transition target chain has no states. Add a state to it, or name an existing state.');
  }
  return Object.freeze({ kind: 'chain', chain: node });
}
