import type { Json } from '../../asl/types';
import { TaskWait } from '../callbacks/task-wait';
import { toStatesError } from '../errors';
import { recordScheduling } from '../tasks/invoke-task';
import { TaskEvents } from '../tasks/task-events';
import type { TaskAttempt } from '../tasks/task-integrations';
import { startExecutionResponse } from './nested-output';
import { startChild } from './nested-start';
import type { NestedMachine } from './state-machine-registry';

/** `states:startExecution` (request-response) on a registered machine: starts the child and goes on with StartExecution's response. */
export function runNestedStart(attempt: TaskAttempt, machine: NestedMachine): Promise<Json> {
  const { call, frame, visit } = attempt;
  const events = new TaskEvents(frame, call.resource);
  recordScheduling(events, call, frame);
  events.started();
  const wait = new TaskWait({ frame, visit, events });
  try {
    const child = startChild(machine, call, frame);
    wait.succeed(startExecutionResponse(child.describe(), frame.runtime.random));
  } catch (thrown) {
    wait.fail(toStatesError(thrown));
  }
  return wait.promise;
}
