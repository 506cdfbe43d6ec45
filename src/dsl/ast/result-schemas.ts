import type { ChainNode, TargetNode } from './chain';
import { describeWorkflow } from './describe';
import type { ResultSchemaNode, StateNode } from './states';

/**
 * The result schemas a workflow's Task states carry (`lambda.invoke(fn, payload, { result })`,
 * `withResultSchema(...)`), by state name, in every branch, processor and target. Read by the
 * testing helpers to check mock results; empty for anything that is not a workflow.
 *
 * @example
 * resultSchemasOf(orderFlow).get('Charge')?.schema.parse({ chargeId: 'ch_1' });
 */
export function resultSchemasOf(workflow: unknown): ReadonlyMap<string, ResultSchemaNode> {
  const schemas = new Map<string, ResultSchemaNode>();
  const chain = describeWorkflow(workflow)?.chain;
  const seen = new Set<ChainNode>();
  const visitChain = (node: ChainNode): void => {
    if (seen.has(node)) return;
    seen.add(node);
    node.steps.forEach(visitState);
    if (node.tail.kind === 'next') visitTarget(node.tail.target);
  };
  const visitTarget = (target: TargetNode): void => {
    if (target.kind === 'chain') visitChain(target.chain);
  };
  const visitState = (state: StateNode): void => {
    switch (state.kind) {
      case 'Task':
        if (state.resultSchema) schemas.set(state.name, state.resultSchema);
        state.catch.forEach((catcher) => visitTarget(catcher.target));
        return;
      case 'Parallel':
        state.branches.forEach(visitChain);
        state.catch.forEach((catcher) => visitTarget(catcher.target));
        return;
      case 'Map':
        visitChain(state.processor);
        state.catch.forEach((catcher) => visitTarget(catcher.target));
        return;
      case 'Choice':
        state.rules.forEach((rule) => visitTarget(rule.target));
        if (state.otherwise) visitTarget(state.otherwise);
        return;
      default:
        return;
    }
  };
  if (chain) visitChain(chain);
  return schemas;
}
