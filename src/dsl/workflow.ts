import type { z, ZodType } from 'zod';
import type { QueryLanguage } from '../asl/types';
import type { WorkflowNode } from './ast/workflow';
import { DslUsageError } from './errors/dsl-usage-error';
import type { NotCatchable } from './errors/error-names';
import { captureSource } from './source/capture-source';
import type { ChainLike } from './states/chain-like';
import { describeWorkflow } from './ast/describe';
export { isWorkflow } from './ast/describe';
import { Chain } from './states/chain';

/** Settings of a whole state machine. */
export interface WorkflowConfig<Schema extends ZodType | undefined> {
  /** The zod schema of the execution input: it types `s` in the first state. */
  input?: Schema;
  comment?: string;
  /** Default query language of every state (`JSONPath` when absent). */
  queryLanguage?: QueryLanguage;
  /** Whole-execution timeout (`TimeoutSeconds`). */
  timeoutSeconds?: number;
  /** `STANDARD` (default) or `EXPRESS`. */
  type?: 'STANDARD' | 'EXPRESS';
  version?: '1.0';
}

type InputOf<Schema> = Schema extends ZodType ? z.output<Schema> : unknown;

/** A workflow: a chain started by `workflow(...)`, ready to compile. */
export type Workflow<In = any> = ChainLike<In, unknown, 'workflow'>;

/**
 * Starts a workflow. Export the finished chain from a file in `workflows/` and `npm run build`
 * writes `generated/<name>.asl.json`.
 *
 * @example
 * const Order = z.object({ order: z.object({ id: z.string(), total: z.number() }) });
 * export const orderFlow = workflow('OrderFlow', { input: Order })
 *   .task('Charge', lambda.invoke(charge, s => ({ orderId: s.order.id, amount: s.order.total })), { resultPath: 'charge' })
 *   .succeed('Done');
 */
export function workflow<const Schema extends ZodType | undefined = undefined>(
  name: string,
  config: WorkflowConfig<Schema> = {},
): Chain<InputOf<Schema>, InputOf<Schema>, never, NotCatchable, 'workflow'> {
  if (name.length === 0 || name.length > 80) {
    throw new DslUsageError(`Workflow name '${name}' must be 1 to 80 characters long.`);
  }
  return new Chain({
    node: Object.freeze({ kind: 'chain', steps: Object.freeze([]), tail: Object.freeze({ kind: 'end' }) }),
    ...(config.input && { inputSchema: config.input }),
    workflow: Object.freeze({
      name,
      source: captureSource(),
      stateMachineType: config.type ?? 'STANDARD',
      ...(config.comment !== undefined && { comment: config.comment }),
      ...(config.queryLanguage !== undefined && { queryLanguage: config.queryLanguage }),
      ...(config.timeoutSeconds !== undefined && { timeoutSeconds: config.timeoutSeconds }),
      ...(config.version !== undefined && { version: config.version }),
    }),
  });
}

/** The frozen description of a workflow, the compiler's only input. */
export function workflowDescription(value: Workflow<any>): WorkflowNode {
  const description = describeWorkflow(value);
  if (!description) throw new DslUsageError('Not a workflow: build it with workflow(name, { input }).');
  return description;
}

/**
 * The zod schema of a workflow's execution input, to check an input before running it.
 *
 * @example
 * inputSchemaOf(orderFlow)?.parse(input);
 */
export function inputSchemaOf(value: Workflow<any>): ZodType | undefined {
  return value instanceof Chain ? value.inputSchema : undefined;
}
