/**
 * `statecraft build`: compiles the workflows exported by `workflows/*.ts` into `generated/`.
 */
export { runBuild, type BuildOptions, type BuildResult } from './run-build';
export { defaultToolchain } from './default-toolchain';
export { formatBuildReport } from './format-build-report';
export { BuildError, type BuildProblem } from './build-error';
export { typeCheckModules } from './type-check-workflows';
export type { BuildToolchain, GeneratedFile } from './render-outputs';
export type { FileChange, ChangeKind } from './plan-changes';
export type { WorkflowOrigin } from './load-workflows';
