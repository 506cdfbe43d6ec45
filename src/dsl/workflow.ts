import type { z } from 'zod';
import type { QueryLanguage } from '../asl/types';
import type { WorkflowNode } from './ast/workflow';
import { DslUsageError } from './errors/dsl-usage-error';
import type { NotCatchable } from './errors/error-names';
import { captureSource } from './source/capture-source';
import type { ChainLike } from './states/chain-like';
import { describeWorkflow } from './ast/describe';
import { LIMITS } from '../asl/limits';
export { isWorkflow } from './ast/describe';
import { Chain } from './states/chain';
import type { Expr } from './values/expr';
import { recordedPath } from './paths/selector';
import type { AnyVariables, VariablesOf } from './variables/assignments';

/** Settings of a whole state machine. */
export interface WorkflowConfig<Schema extends z.core.$ZodType | undefined, Vars extends VariableDeclarations = VariableDeclarations> {
  /**
   * The zod schema of the execution input (zod v4, classic `zod` or `zod/mini`): its output type
   * types `s` in the first state.
   */
  input?: Schema;
  /**
   * The workflow's variables, each made by `variable<T>(name)` and listed under its own name
   * (`{ total, customer }`). Every `assign` in the workflow is then typed: a value of another type,
   * or a name not listed, is a type error (and a name not listed also a build error).
   */
  variables?: Vars;
  comment?: string;
  /** Default query language of every state (`JSONPath` when absent). */
  queryLanguage?: QueryLanguage;
  /** Whole-execution timeout (`TimeoutSeconds`). */
  timeoutSeconds?: number;
  /** `STANDARD` (default) or `EXPRESS`. */
  type?: 'STANDARD' | 'EXPRESS';
  version?: '1.0';
}

// Constrained to zod's core `$ZodType`, not classic `ZodType`: checking a schema against classic
// `ZodType` compares its whole method surface (every `.optional()`, `.refine()`, ... signature),
// which made tsc create 38k types for workflows/lottery-draw.ts (2.9k for a workflow without
// `input`) and cost 1.7 of its 5 CPU-seconds; against `$ZodType` it creates 7.6k. The inferred input
// is the same `z.output` (test/dsl/workflow-input.test-d.ts), and `zod/mini` schemas are accepted.
type InputOf<Schema> = Schema extends z.core.$ZodType ? z.output<Schema> : unknown;

/** `variables` of a workflow: variables made by `variable<T>(name)`, each under its own name. */
export type VariableDeclarations = Record<string, Expr<unknown>>;

/** The declared variables' types, or "any" when the workflow declares none. */
type DeclaredVariables<Vars> = string extends keyof Vars ? AnyVariables : VariablesOf<Vars>;

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
export function workflow<const Schema extends z.core.$ZodType | undefined = undefined, const Vars extends VariableDeclarations = VariableDeclarations>(
  name: string,
  config: WorkflowConfig<Schema, Vars> = {},
): Chain<InputOf<Schema>, InputOf<Schema>, never, NotCatchable, 'workflow', unknown, {}, DeclaredVariables<Vars>> {
  if (name.length === 0 || name.length > LIMITS.nameLength) {
    throw new DslUsageError(`Workflow name '${name}' must be 1 to ${LIMITS.nameLength} characters long.`);
  }
  const variables = config.variables && declaredVariableNames(name, config.variables);
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
      ...(variables && { variables }),
    }),
  });
}

/** The names of `variables`, each checked to be a `variable(...)` listed under its own name. */
function declaredVariableNames(workflowName: string, declarations: VariableDeclarations): readonly string[] {
  return Object.freeze(
    Object.entries(declarations).map(([key, value]) => {
      const path = recordedPath(value);
      if (path?.root !== 'variable' || path.segments.length > 0) {
        throw new DslUsageError(`Workflow '${workflowName}': variables.${key} must be a variable made by variable<T>('${key}').`);
      }
      if (path.variable !== key) {
        throw new DslUsageError(`Workflow '${workflowName}': variables.${key} is the variable '${path.variable}'; list each variable under its own name ({ ${path.variable} }).`);
      }
      return key;
    }),
  );
}

/** The frozen description of a workflow, the compiler's only input. */
export function workflowDescription(value: Workflow<any>): WorkflowNode {
  const description = describeWorkflow(value);
  if (!description) throw new DslUsageError('Not a workflow: build it with workflow(name, { input }).');
  return description;
}

/**
 * The zod schema of a workflow's execution input, to check an input before running it. Typed as
 * zod's core schema (classic and `zod/mini` schemas both are one): parse with zod's functions.
 *
 * @example
 * const schema = inputSchemaOf(orderFlow);
 * if (schema) z.parse(schema, input);
 */
export function inputSchemaOf(value: Workflow<any>): z.core.$ZodType | undefined {
  return value instanceof Chain ? value.inputSchema : undefined;
}
