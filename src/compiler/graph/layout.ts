import type { ChainNode, TargetNode } from '../../dsl/ast/chain';
import type { StateNode } from '../../dsl/ast/states';
import type { WorkflowDiagnostics } from '../diagnostics';

/** A state placed in a `States` object, with its resolved `Next` (absent: `End`, or a terminal state). */
export interface PlacedState {
  readonly node: StateNode;
  readonly next?: string;
}

/** One `States` object (the top level, a Parallel branch or a Map processor) laid out. */
export interface LaidOutScope {
  readonly startAt: string | undefined;
  /** In emission order: the main chain first, then the chains its transitions reach. */
  readonly states: readonly PlacedState[];
  /** The state name each transition target resolved to. */
  targetName(target: TargetNode): string;
}

/**
 * Turns a chain and every chain reachable from it into one flat `States` object: each state once,
 * each transition resolved to a state name. Reports duplicate names (`names` is shared across the
 * whole workflow, since names must be unique in the definition, branches included), a state used
 * with two different continuations, and names that no state in the scope carries.
 */
export function layoutScope(root: ChainNode, sink: WorkflowDiagnostics, names: Map<string, StateNode>): LaidOutScope {
  const placed = new Map<string, PlacedState>();
  const targetNames = new Map<TargetNode, string>();
  const visited = new Set<ChainNode>();
  const queue: ChainNode[] = [];
  const namedTargets: { target: Extract<TargetNode, { kind: 'name' }>; from: StateNode | undefined }[] = [];

  const enqueue = (chain: ChainNode): string | undefined => {
    if (!visited.has(chain)) {
      visited.add(chain);
      queue.push(chain);
    }
    return chain.steps[0]?.name;
  };

  const resolve = (target: TargetNode, from: StateNode | undefined): string => {
    let name: string | undefined;
    if (target.kind === 'name') {
      name = target.name;
      namedTargets.push({ target, from });
    } else {
      name = enqueue(target.chain);
    }
    targetNames.set(target, name ?? '');
    return name ?? '';
  };

  const place = (node: StateNode, next: string | undefined): void => {
    const existing = placed.get(node.name);
    if (existing) {
      if (existing.node !== node) {
        sink.report(node, undefined, `Duplicate state name '${node.name}' (also at ${existing.node.source}). State names must be unique in the whole workflow, branches included: rename one.`);
      } else if (existing.next !== next) {
        sink.report(node, 'Next', `State '${node.name}' is continued in two ways ('${existing.next ?? 'End'}' and '${next ?? 'End'}'): it was extended from two different chains. Build the shared part once as a fragment and end each variant with .next(fragment).`);
      }
      return;
    }
    // Not placed in this scope yet, so a name seen before belongs to another scope.
    const elsewhere = names.get(node.name);
    if (elsewhere === node) {
      sink.report(node, undefined, `State '${node.name}' is used in two scopes (e.g. the same fragment in two Parallel branches or a branch and the top level). State names must be unique in the whole workflow: build the fragment once per scope with different names.`);
    } else if (elsewhere) {
      sink.report(node, undefined, `Duplicate state name '${node.name}' (also at ${elsewhere.source}, in another branch or scope). State names must be unique in the whole workflow: rename one.`);
    }
    names.set(node.name, node);
    placed.set(node.name, Object.freeze(next === undefined ? { node } : { node, next }));
  };

  const startAt = enqueue(root);
  for (let index = 0; index < queue.length; index++) {
    const chain = queue[index];
    chain.steps.forEach((step, i) => {
      const last = i === chain.steps.length - 1;
      const next = !last ? chain.steps[i + 1].name : chain.tail.kind === 'next' ? resolve(chain.tail.target, step) : undefined;
      place(step, next);
      for (const target of internalTargets(step)) resolve(target, step);
    });
  }

  for (const { target, from } of namedTargets) {
    if (!placed.has(target.name)) {
      sink.report(
        from,
        'Next',
        `Transition to unknown state '${target.name}'. No state of that name is in this scope (a Parallel branch or Map processor cannot jump outside itself, nor into one). Check the spelling or add the state.`,
        target.source,
      );
    }
  }

  return {
    startAt,
    states: [...placed.values()],
    targetName: (target) => targetNames.get(target) ?? '',
  };
}

/** Choice rules, Default and catchers: the transitions a state holds besides `Next`. */
function internalTargets(node: StateNode): TargetNode[] {
  switch (node.kind) {
    case 'Choice':
      return [...node.rules.map((rule) => rule.target), ...(node.otherwise ? [node.otherwise] : [])];
    case 'Task':
    case 'Parallel':
    case 'Map':
      return node.catch.map((catcher) => catcher.target);
    default:
      return [];
  }
}
