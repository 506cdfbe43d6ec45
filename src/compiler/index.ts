/**
 * The DSL → ASL compiler: reads only the frozen workflow description (`src/dsl/ast`), never the
 * builder classes.
 */
export { compileWorkflow, type CompiledWorkflow } from './compile-workflow';
export { WorkflowCompileError, formatDiagnostic, type CompileDiagnostic } from './compile-error';
export { formatDefinition } from './format-definition';
export type { Workflow } from '../dsl/workflow';
export { isWorkflow } from '../dsl/ast/describe';
