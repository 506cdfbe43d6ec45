import type { AslDiagnostic } from './diagnostics';

/**
 * How AWS words the validator's findings: the code AWS reports for each kind of problem in
 * `InvalidDefinition` messages and `ValidateStateMachineDefinition` diagnostics. AWS reports
 * transition problems under their own codes and everything its schema catches as
 * SCHEMA_VALIDATION_FAILED (as recorded in `shared/conformance/invalid-definitions.jsonl`).
 */
function awsCode(diagnostic: AslDiagnostic): string {
  switch (diagnostic.code) {
    case 'MISSING_TRANSITION_TARGET':
    case 'UNREACHABLE_STATE':
      return 'MISSING_TRANSITION_TARGET';
    case 'DUPLICATE_STATE_NAME':
      return 'DUPLICATE_STATE_NAME';
    default:
      return 'SCHEMA_VALIDATION_FAILED';
  }
}

/**
 * One diagnostic as `ValidateStateMachineDefinition` answers it.
 *
 * @example
 * awsDiagnostic(d); // { severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: '…', location: '/States/A/Next' }
 */
export function awsDiagnostic(diagnostic: AslDiagnostic): { severity: 'ERROR' | 'WARNING'; code: string; message: string; location: string } {
  return {
    severity: diagnostic.severity === 'error' ? 'ERROR' : 'WARNING',
    code: awsCode(diagnostic),
    message: diagnostic.awsMessage ?? diagnostic.message,
    location: diagnostic.pointer || '/',
  };
}

/**
 * The message of AWS's `InvalidDefinition` error for these errors:
 * `Invalid State Machine Definition: 'CODE: message at /pointer, CODE: …'`.
 */
export function awsInvalidDefinitionMessage(errors: readonly AslDiagnostic[]): string {
  const parts = errors.map((d) => {
    const aws = awsDiagnostic(d);
    return `${aws.code}: ${aws.message} at ${aws.location}`;
  });
  return `Invalid State Machine Definition: '${parts.join(', ')}'`;
}
