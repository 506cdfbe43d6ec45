import type { SFN, SFNClient } from '@aws-sdk/client-sfn';
import { activityAndCallbackActions } from './activities-callbacks';
import { executionActions } from './executions';
import type { ActionHandler } from './handler';
import { stateMachineActions } from './state-machines';
import { testStateActions } from './test-state';
import { versionAndAliasActions } from './versions-aliases';

/** Every action of the Step Functions API, named as in `X-Amz-Target` (from the SDK's own client, so a new action is a type error here). */
export type SfnAction = Capitalize<Exclude<keyof SFN, keyof SFNClient | `paginate${string}` | `waitUntil${string}`>>;

/** The handler of each action: `satisfies` makes a missing or misspelled action a compile error. */
export const ACTIONS = {
  ...stateMachineActions,
  ...versionAndAliasActions,
  ...executionActions,
  ...activityAndCallbackActions,
  ...testStateActions,
} satisfies Record<SfnAction, ActionHandler>;

export function actionHandler(name: string): ActionHandler | undefined {
  return Object.prototype.hasOwnProperty.call(ACTIONS, name) ? (ACTIONS as Record<string, ActionHandler>)[name] : undefined;
}
