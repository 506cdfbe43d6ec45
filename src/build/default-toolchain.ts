import { isWorkflow, workflowDescription } from '../dsl/index';
import { deriveIamPolicy } from '../iam/index';
import { compileWorkflow, formatDefinition } from '../compiler/index';
import type { BuildToolchain } from './render-outputs';

/**
 * The real compiler and IAM pass, as the build uses them.
 *
 * @example
 * const result = await runBuild({ check: true }, defaultToolchain());
 */
export function defaultToolchain(): BuildToolchain<Parameters<typeof compileWorkflow>[0]> {
  return {
    isWorkflow,
    compileWorkflow: (workflow) => ({ ...compileWorkflow(workflow), source: workflowDescription(workflow).source }),
    formatDefinition,
    deriveIamPolicy: (definition, stateMachineName) => deriveIamPolicy(definition, { stateMachineName }),
    // Loaded only when a diagram must be drawn: a warm build with nothing changed never loads ELK.
    diagram: {
      version: async () => (await import('../diagram/renderer-version')).diagramRendererVersion(),
      renderSvg: async (definition) => (await import('../diagram/render-diagram')).renderDiagram(definition, 'svg'),
    },
  };
}
