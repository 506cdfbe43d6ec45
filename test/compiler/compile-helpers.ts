import { expect } from 'vitest';
import type { StateMachineDefinition } from '../../src/asl/types';
import { compileWorkflow, WorkflowCompileError, type CompileDiagnostic } from '../../src/compiler/index';
import type { Workflow } from '../../src/dsl/index';
import { aslValidator } from '../support/asl-validator';


/** Asserts the document passes asl-validator (which mutates its input, hence the clone). */
export function expectValidAsl(definition: StateMachineDefinition): void {
  const result = aslValidator(structuredClone(definition), { checkPaths: true, checkArn: true });
  expect(result.errors).toEqual([]);
  expect(result.isValid).toBe(true);
}

/** Compiles, checks the output with asl-validator, returns the definition. */
export function compile(workflow: Workflow<any>): StateMachineDefinition {
  const { definition } = compileWorkflow(workflow);
  expectValidAsl(definition);
  return definition;
}

/** The single state of a one-state workflow (or the named one). */
export function stateOf(workflow: Workflow<any>, name?: string): Record<string, unknown> {
  const definition = compile(workflow);
  return definition.States[name ?? definition.StartAt] as unknown as Record<string, unknown>;
}

/** Compiles a workflow expected to be invalid; returns its diagnostics. */
export function diagnosticsOf(workflow: Workflow<any>): CompileDiagnostic[] {
  try {
    compileWorkflow(workflow);
  } catch (error) {
    if (error instanceof WorkflowCompileError) return error.diagnostics;
    throw error;
  }
  throw new Error('expected the workflow not to compile');
}
