import { StepFunctionsApiError } from '../interpreter/callbacks/api-error';
import { awsInvalidDefinitionMessage } from '../asl/validate/aws-wording';
import type { AslDiagnostic } from '../asl/validate';

/** `ValidationException` with AWS's message. */
export function validationError(message: string): StepFunctionsApiError {
  return new StepFunctionsApiError('ValidationException', message);
}

/** `InvalidDefinition` in AWS's words: `Invalid State Machine Definition: 'CODE: message at /pointer, ...'`. */
export function invalidDefinition(errors: readonly AslDiagnostic[]): StepFunctionsApiError {
  return new StepFunctionsApiError('InvalidDefinition', awsInvalidDefinitionMessage(errors));
}

/** A request field that must hold JSON text: parsed, or the API error AWS answers with. */
export function parseJsonField(text: string, field: 'definition' | 'input' | 'variables' | 'context' | 'mock.result' | 'stateConfiguration.mapItemReaderData'): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = (error as Error).message;
    switch (field) {
      case 'definition':
        return invalidJson(new StepFunctionsApiError('InvalidDefinition', `Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ${detail}'`));
      case 'input':
        return invalidJson(new StepFunctionsApiError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${detail}'`));
      case 'mock.result':
        // LocalStack's reading of AWS (localstack/localstack, test_state_analyser.py).
        return invalidJson(validationError('Mocked result must be valid JSON'));
      default:
        return invalidJson(validationError(`${field} must be valid JSON: ${detail}`));
    }
  }
}

function invalidJson(error: StepFunctionsApiError): never {
  throw error;
}
