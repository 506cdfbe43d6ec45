import type { StateMachineDefinition } from '../../asl/types';
import { awsInvalidDefinitionMessage } from '../../asl/validate/aws-wording';
import { validateDefinition } from '../../asl/validate/validate-definition';
import { ApiError } from '../protocol/api-error';

/** Parses definition text, throwing `InvalidDefinition` in AWS's words for bad JSON. */
export function parseDefinitionText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError('InvalidDefinition', `Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ${(error as Error).message}'`);
  }
}

/** Validates definition text with the one validator and throws AWS's `InvalidDefinition` in AWS's words. */
export function checkedDefinition(text: string, type: 'STANDARD' | 'EXPRESS'): StateMachineDefinition {
  const definition = parseDefinitionText(text);
  const errors = validateDefinition(definition, { stateMachineType: type }).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new ApiError('InvalidDefinition', awsInvalidDefinitionMessage(errors));
  return definition as StateMachineDefinition;
}
