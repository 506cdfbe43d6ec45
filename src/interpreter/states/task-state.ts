import type { Json, TaskState } from '../../asl/types';
import { preparePayloadTemplate } from '../jsonpath/payload-template';
import { StatesError } from '../errors';
import { exceedsPayloadLimit } from '../json/json-size';
import { prepareErrorHandling } from '../error-handling/error-handling';
import { StateScope } from '../engine/context-object';
import { StateRunner } from '../engine/state-runner';
import type { Frame, StateVisit } from '../engine/runtime';
import {
  prepareJsonataField,
  prepareNumericSetting,
  prepareStateDataFlow,
  evaluateJsonataField,
  jsonataBindings,
  type NumericSettingRule,
} from '../state-io';
import { randomUuid } from '../random/seeded-random';
import { invokeTask } from '../tasks/invoke-task';
import { taskTarget } from '../tasks/task-target';
import type { StatePreparer } from './state-preparer';

type Resolve<T> = (input: Json, frame: Frame, visit: StateVisit) => T | Promise<T>;

/** Task: calls its resource (a mock) with the effective input; Retry/Catch around each attempt. */
export const prepareTaskState: StatePreparer<TaskState> = (state, { name, queryLanguage }) => {
  const resource = taskTarget(state.Resource);
  const jsonata = queryLanguage === 'JSONata';
  const timeout = prepareNumericSetting(state.TimeoutSeconds, state.TimeoutSecondsPath, 'TimeoutSeconds', jsonata, TASK_SECONDS);
  const heartbeat = prepareNumericSetting(state.HeartbeatSeconds, state.HeartbeatSecondsPath, 'HeartbeatSeconds', jsonata, TASK_SECONDS);
  const roleArn = prepareRoleArn(state, jsonata);

  return new StateRunner({
    name,
    type: 'Task',
    queryLanguage,
    flow: prepareStateDataFlow(state, queryLanguage),
    beforeAttempt: (frame, visit) => {
      // A fresh token per attempt: AWS never reuses one across retries.
      const integrations = frame.runtime.integrations;
      visit.taskToken = integrations ? integrations.issueTaskToken(frame, visit) : randomUuid(frame.runtime.random);
    },
    work: (effective, frame, visit) => {
      if (exceedsPayloadLimit(effective)) {
        throw new StatesError(
          'States.DataLimitExceeded',
          `The state/task '${name}' has an input (after Parameters/Arguments) exceeding the maximum number of bytes service limit.`,
        );
      }
      // Timeout/heartbeat paths and credentials read the raw state input (recorded), not the Parameters.
      const t = timeout(visit.input, frame, visit);
      const h = heartbeat(visit.input, frame, visit);
      const r = roleArn(visit.input, frame, visit);
      if (t instanceof Promise || h instanceof Promise || r instanceof Promise) {
        return Promise.all([t, h, r]).then(([tt, hh, rr]) =>
          invokeTask({ resource, input: effective, timeoutSeconds: tt, heartbeatSeconds: hh, roleArn: rr }, frame, visit),
        );
      }
      return invokeTask({ resource, input: effective, timeoutSeconds: t, heartbeatSeconds: h, roleArn: r }, frame, visit);
    },
    errorHandling: prepareErrorHandling(state.Retry, state.Catch, queryLanguage),
    checkOutputSize: true,
    exits: true,
  });
};

/** Task timeouts: positive integers; a path must select one as it is (no numeric strings). */
const TASK_SECONDS: NumericSettingRule = {
  expected: 'integer',
  inRange: (n) => n >= 1,
  fromPath: (value) => (typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined),
  missingPath: (field, path) => `The ${field}Path parameter does not reference an input value: ${path}`,
  invalidPath: (field, path, value) => `The ${field}Path parameter must reference a positive integer: ${path} == ${JSON.stringify(value)}`,
};

function prepareRoleArn(state: TaskState, jsonata: boolean): Resolve<string | undefined> {
  const credentials = state.Credentials;
  if (!credentials) return () => undefined;
  if (jsonata) {
    const prepared = prepareJsonataField((credentials.RoleArn ?? null) as Json, 'Credentials/RoleArn');
    return (effective, frame, visit) => {
      const v = evaluateJsonataField(prepared, () => jsonataBindings(frame, visit, effective));
      return v instanceof Promise ? v.then((s) => (typeof s === 'string' ? s : undefined)) : typeof v === 'string' ? v : undefined;
    };
  }
  const template = preparePayloadTemplate(credentials as Json);
  return (effective, frame, visit) => {
    const resolved = template(new StateScope(effective, frame, visit), frame.runtime.random) as Record<string, Json>;
    return typeof resolved.RoleArn === 'string' ? resolved.RoleArn : undefined;
  };
}
