import { LIMITS } from '../../asl/limits';
import type { TestStateInput } from '@aws-sdk/client-sfn';
import { StepFunctionsApiError } from '../../interpreter/callbacks/api-error';
import { testState } from '../../test-state/index';
import { ApiError, type ApiErrorName } from '../protocol/api-error';
import type { ActionHandler } from './handler';

/** TestState: the same function `statecraft test-state` and `testState()` run, over the wire. */
const testStateAction: ActionHandler = async (_ctx, request) => {
  request.string('definition', { min: 1, max: LIMITS.definitionBytes });
  try {
    return await testState(request.body() as unknown as TestStateInput);
  } catch (error) {
    if (error instanceof StepFunctionsApiError) throw new ApiError(error.code as ApiErrorName, error.message);
    throw error;
  }
};

export const testStateActions = { TestState: testStateAction } satisfies Record<string, ActionHandler>;
