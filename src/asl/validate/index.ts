/**
 * The ASL validator shared by the compiler (checks what it emits) and the interpreter (checks any
 * document before running it). One file per rule family; this module is the public surface.
 *
 * @example
 * ```ts
 * import { validateDefinition, assertValidDefinition } from './asl/validate';
 * const problems = validateDefinition(definition, { stateMachineType: 'STANDARD' });
 * assertValidDefinition(definition); // throws InvalidDefinitionError listing every error
 * ```
 */
export type { AslDiagnostic, ValidateOptions, DiagnosticCode } from './diagnostics';
export { validateDefinition, assertValidDefinition, InvalidDefinitionError, MAX_DEFINITION_BYTES } from './validate-definition';
export { isRfc3339Timestamp } from './timestamp';
export { variableNameProblem } from './variables';
export { pathProblem } from './paths';
export { isWellFormedJsonPath } from '../json-path';
