import type { TestStateInput } from '@aws-sdk/client-sfn';
import type { Json, MapState, State } from '../asl/types';
import { StepFunctionsApiError } from '../interpreter/callbacks/api-error';
import { taskTarget } from '../interpreter/tasks/task-target';
import { parseJsonField, validationError } from './api-errors';
import { operationOutput } from './shapes/output-shapes';
import { MockShapeError, validateMockResult, type FieldValidationMode } from './shapes/validate-mock-result';

/** A TestState mock, parsed: the state's result, or the error it fails with. */
export type ParsedMock = { kind: 'result'; result: Json } | { kind: 'error'; error: string; cause: string };

const MOCKABLE = new Set<State['Type']>(['Task', 'Map', 'Parallel']);

/**
 * Checks `mock` against the state as AWS does (messages recorded on AWS) and returns it parsed:
 * one of `result`/`errorOutput`; only Task, Map and Parallel take a mock, and Map and Parallel
 * need one; a Map's result is an array (a JSON object with a ResultWriter), a Parallel's an array
 * with one item per branch; a service integration's result fits the API's response shape
 * (`fieldValidationMode`).
 */
export async function parseMock(request: TestStateInput, state: State): Promise<ParsedMock | undefined> {
  const mock = request.mock;
  if (!mock) {
    if (state.Type === 'Map' || state.Type === 'Parallel') {
      throw new StepFunctionsApiError(
        'InvalidDefinition',
        'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]',
      );
    }
    return undefined;
  }
  if (mock.result !== undefined && mock.errorOutput !== undefined) {
    throw validationError('A test mock should have only one of the following fields: [result, errorOutput].');
  }
  if (!MOCKABLE.has(state.Type)) throw validationError(`State type '${state.Type}' is not supported when a mock is specified`);
  if (request.revealSecrets) throw validationError('TestState does not support RevealSecrets when a mock is specified.');
  if (mock.errorOutput !== undefined) {
    return { kind: 'error', error: mock.errorOutput.error ?? '', cause: mock.errorOutput.cause ?? '' };
  }
  if (mock.result === undefined) throw validationError('A test mock should have one of the following fields: [result, errorOutput].');
  const result = parseJsonField(mock.result, 'mock.result') as Json;
  checkResultFitsState(result, state);
  if (state.Type === 'Task') await checkResultShape(result, state.Resource, (mock.fieldValidationMode ?? 'STRICT') as FieldValidationMode);
  return { kind: 'result', result };
}

function checkResultFitsState(result: Json, state: State): void {
  if (state.Type === 'Map') {
    if ((state as MapState).ResultWriter !== undefined) {
      if (typeof result !== 'object' || result === null || Array.isArray(result)) throw validationError('Mocked result must be a JSON object.');
    } else if (!Array.isArray(result)) {
      throw validationError('Mocked result must be an array.');
    }
  }
  if (state.Type === 'Parallel') {
    if (!Array.isArray(result)) throw validationError('Mocked result must be an array.');
    if (result.length !== state.Branches.length) {
      throw validationError('Mocked result must contain the same number of items as number of Parallel branches.');
    }
  }
}

/** Service integrations (optimized and `aws-sdk:`) only: a Lambda ARN, an activity or `apigateway:invoke`/`http:invoke` have no SDK operation. */
async function checkResultShape(result: Json, resource: string, mode: FieldValidationMode): Promise<void> {
  if (mode === 'NONE' || result === null) return;
  let target;
  try {
    target = taskTarget(resource);
  } catch {
    return;
  }
  if ((target.kind !== 'service' && target.kind !== 'aws-sdk') || !target.service || !target.api) return;
  const output = await operationOutput(target.service, target.api);
  if (!output) return;
  try {
    validateMockResult(result, output, { mode, decodedBlobs: target.kind === 'service' });
  } catch (error) {
    if (error instanceof MockShapeError) throw validationError(`Mock result schema validation error: ${error.message}`);
    throw error;
  }
}
