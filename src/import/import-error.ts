import type { AslDiagnostic } from '../asl/validate';

/**
 * An import refused because the definition is not valid ASL; `diagnostics` are the validator's.
 *
 * @example
 * try { await importDefinition(definition, { name: 'Flow' }); }
 * catch (error) { if (error instanceof ImportValidationError) console.error(error.diagnostics); }
 */
export class ImportValidationError extends Error {
  constructor(readonly diagnostics: readonly AslDiagnostic[]) {
    super(`The definition is not valid ASL:\n${diagnostics.map((d) => `  ${d.pointer || '/'} ${d.message} (${d.code})`).join('\n')}`);
    this.name = 'ImportValidationError';
  }
}
