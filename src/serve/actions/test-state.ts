import { LIMITS } from '../../asl/limits';
import type { TestStateInput } from '@aws-sdk/client-sfn';
import { testState } from '../../test-state/index';
import { asApiError, type ActionHandler } from './handler';

/** TestState: the same function `statecraft test-state` and `testState()` run, over the wire. */
const testStateAction: ActionHandler = async (_ctx, request) => {
  request.string('definition', { min: 1, max: LIMITS.definitionBytes });
  try {
    return await testState(request.body() as unknown as TestStateInput);
  } catch (error) {
    throw asApiError(error);
  }
};

export const testStateActions = { TestState: testStateAction } satisfies Record<string, ActionHandler>;
