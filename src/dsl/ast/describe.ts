import type { Workflow } from '../workflow';
import type { WorkflowNode } from './workflow';

/**
 * The one link between builders and compiler: a workflow builder answers `[DESCRIBE]()` with its
 * frozen description, so the compiler reads plain data and never imports a builder class.
 */
export const DESCRIBE: unique symbol = Symbol.for('statecraft.describe-workflow') as never;

export interface Describable {
  [DESCRIBE](): WorkflowNode | undefined;
}

/** The frozen description of a workflow builder, or `undefined` for anything else. */
export function describeWorkflow(value: unknown): WorkflowNode | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  const describe = (value as Partial<Describable>)[DESCRIBE];
  return typeof describe === 'function' ? describe.call(value) : undefined;
}

/**
 * True for a value built with `workflow(...)`: how the build finds the workflows a module exports.
 *
 * @example
 * for (const value of Object.values(await import(file))) if (isWorkflow(value)) compileWorkflow(value);
 */
export function isWorkflow(value: unknown): value is Workflow<any> {
  return describeWorkflow(value) !== undefined;
}
