import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StateMachineType } from '../../../interpreter';
import { loadAslFile } from '../../load-asl-file';
import { typeCheckWorkflowModule, type InputSchema } from './check-workflow';

export interface LoadedDefinition {
  name: string;
  definition: unknown;
  type: StateMachineType | undefined;
  /** The workflow's zod input schema (a `.ts` workflow declared with `{ input }`), to check `--input`. */
  inputSchema?: InputSchema;
  /** The DSL workflow itself (a `.ts` module): `statecraft verify` reads its Task result schemas. */
  workflow?: unknown;
}

/**
 * Loads what `statecraft run` runs: an ASL JSON file, or a TypeScript module whose exported
 * workflow is compiled with the project's compiler (we run under tsx, so importing it just works).
 * With `typeCheck` (`statecraft run`, unless `--no-typecheck`) a TypeScript module is type-checked first.
 * Returns a sentence explaining the problem instead of throwing.
 */
export async function loadDefinition(
  file: string,
  workflowName: string | undefined,
  options: { typeCheck?: boolean } = {},
): Promise<LoadedDefinition | { problem: string }> {
  if (/\.(ts|mts)$/.test(file) && options.typeCheck === true) {
    const problem = await typeCheckWorkflowModule(file);
    if (problem) return { problem };
  }
  if (/\.(ts|mts|js|mjs)$/.test(file)) return loadWorkflowModule(file, workflowName);
  const loaded = await loadAslFile(file);
  return 'problem' in loaded ? loaded : { ...loaded, type: undefined };
}

async function loadWorkflowModule(file: string, workflowName: string | undefined): Promise<LoadedDefinition | { problem: string }> {
  const [{ compileWorkflow, isWorkflow, WorkflowCompileError }, { inputSchemaOf }] = await Promise.all([
    import('../../../compiler'),
    import('../../../dsl/workflow'),
  ]);
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>;
  } catch (error) {
    return { problem: `cannot import ${file}: ${(error as Error).message}` };
  }
  const workflows = Object.entries(module).filter(([, value]) => isWorkflow(value));
  if (workflows.length === 0) return { problem: `${file} exports no workflow (build one with workflow(...) and export it).` };
  const compiled = [];
  for (const [exportName, value] of workflows) {
    try {
      compiled.push({ exportName, workflow: value, inputSchema: inputSchemaOf(value as never) satisfies InputSchema | undefined, ...compileWorkflow(value as never) });
    } catch (error) {
      if (error instanceof WorkflowCompileError) return { problem: error.message };
      throw error;
    }
  }
  const chosen = workflowName === undefined ? (compiled.length === 1 ? compiled[0] : undefined) : compiled.find((c) => c.name === workflowName || c.exportName === workflowName);
  if (!chosen) {
    const names = compiled.map((c) => `${c.name} (export ${c.exportName})`).join(', ');
    return {
      problem:
        workflowName === undefined
          ? `${file} exports several workflows: ${names}. Pick one with --workflow NAME.`
          : `${file} has no workflow named '${workflowName}'; it exports ${names}.`,
    };
  }
  return { name: chosen.name, definition: chosen.definition, type: chosen.stateMachineType, workflow: chosen.workflow, ...(chosen.inputSchema && { inputSchema: chosen.inputSchema }) };
}
