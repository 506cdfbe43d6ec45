import { isWorkflow } from '../../dsl/index';
import { deriveIamPolicy } from '../../iam/index';
import { compileWorkflow, formatDefinition } from '../index';
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
    compileWorkflow,
    formatDefinition,
    deriveIamPolicy: (definition, stateMachineName) => deriveIamPolicy(definition, { stateMachineName }),
  };
}
