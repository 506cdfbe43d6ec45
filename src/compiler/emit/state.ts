import type { JsonObject } from '../../asl/types';
import type { StateNode } from '../../dsl/ast/states';
import type { LaidOutScope, PlacedState } from '../graph/layout';
import { inCanonicalOrder } from './canonical-order';
import { emitDataFlow } from './data-flow';
import { emitMap, emitParallel, type EmitNestedScope } from './nested';
import { emitChoice, emitFail, emitPass, emitWait } from './simple-states';
import type { StateEmitContext } from './state-context';
import { emitTask } from './task';

const TRANSITIONING: ReadonlySet<StateNode['kind']> = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);

/** One ASL state: common fields, its type's fields, data flow and transition, in canonical order. */
export function emitState(placed: PlacedState, layout: LaidOutScope, context: StateEmitContext, nested: EmitNestedScope): JsonObject {
  const node = placed.node;
  const out: JsonObject = {
    Type: node.kind,
    ...(node.comment !== undefined && { Comment: node.comment }),
    ...(node.queryLanguage !== undefined && { QueryLanguage: node.queryLanguage }),
    ...typeFields(node, layout, context, nested),
    ...emitDataFlow(node, context),
  };
  if (TRANSITIONING.has(node.kind)) {
    if (placed.next !== undefined) out.Next = placed.next;
    else out.End = true;
  }
  return inCanonicalOrder(out);
}

function typeFields(node: StateNode, layout: LaidOutScope, context: StateEmitContext, nested: EmitNestedScope): JsonObject {
  switch (node.kind) {
    case 'Task':
      return emitTask(node, layout, context);
    case 'Pass':
      return emitPass(node, context);
    case 'Wait':
      return emitWait(node, context);
    case 'Choice':
      return emitChoice(node, layout, context);
    case 'Fail':
      return emitFail(node, context);
    case 'Succeed':
      return {};
    case 'Parallel':
      return emitParallel(node, layout, context, nested);
    case 'Map':
      return emitMap(node, layout, context, nested);
  }
}
