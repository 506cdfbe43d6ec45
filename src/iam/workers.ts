import type { OwnStateMachine } from './own-state-machine';
import type { AttributedNeed } from './permission-need';
import { policyFor } from './policy-document';
import type { ActivityWorkerPolicy, CallbackSenderPolicy } from './types';

const SEND_TASK_RESULT = ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'];

/**
 * Activity workers poll for tasks and report results: `states:GetActivityTask` and
 * `states:SendTask*` on the activity.
 */
export function activityWorkerPolicy(uses: readonly { activity: string; state: string }[]): ActivityWorkerPolicy {
  const needs: AttributedNeed[] = uses.map(({ activity, state }) => ({
    need: { sid: 'ActivityWorker', actions: ['states:GetActivityTask', ...SEND_TASK_RESULT], resources: [{ arn: activity }] },
    state,
  }));
  return { activities: [...new Set(uses.map((use) => use.activity))].sort(), ...policyFor(needs) };
}

/**
 * Whoever receives a `.waitForTaskToken` token (a Lambda, an ECS task, a human approval service)
 * answers with `states:SendTask*` — a permission of that sender, not of the execution role. Task
 * tokens belong to executions of this state machine, so the statement is scoped to it.
 */
export function callbackSenderPolicy(states: readonly string[], own: () => OwnStateMachine): CallbackSenderPolicy {
  if (states.length === 0) return { states: [], policy: null, statements: [] };
  const machine = own().machine;
  const needs: AttributedNeed[] = states.map((state) => ({
    need: { sid: 'CallbackSender', actions: SEND_TASK_RESULT, resources: [machine] },
    state,
  }));
  return { states: [...states], ...policyFor(needs) };
}
