import type { TaskNode } from '../ast/states';
import { INTEGRATION, type TaskIntegration } from '../integrations/task-integration';
import { captureSource } from '../source/capture-source';
import { dataFlowFields, type DataFlowOptions } from './data-flow-options';
import { dynamicSettingNode, type DynamicSetting } from './dynamic-setting';
import type { StateOptions } from './state-options';
import type { AnyVariables } from '../variables/assignments';

/** Options of `.task(name, integration, options)`. */
export interface TaskOptions<S, R, V = AnyVariables> extends StateOptions, DataFlowOptions<S, R, V> {
  /** `TimeoutSeconds` (literal), `TimeoutSecondsPath` (selector) or a JSONata expression. */
  timeoutSeconds?: DynamicSetting<S, number>;
  /** `HeartbeatSeconds` / `HeartbeatSecondsPath`; must be below the timeout. */
  heartbeatSeconds?: DynamicSetting<S, number>;
  /** Cross-account call: the role the task assumes. */
  credentials?: { roleArn: DynamicSetting<S, string> };
}

export function taskNode<S, R>(
  name: string,
  integration: TaskIntegration<S, R, string>,
  options: TaskOptions<S, R> = {},
): TaskNode {
  const { resource, payload, resultSchema } = integration[INTEGRATION];
  const roleArn = dynamicSettingNode(options.credentials?.roleArn, 'credentials.roleArn');
  return Object.freeze({
    kind: 'Task',
    name,
    source: captureSource(),
    ...commonFields(options),
    resource,
    ...(payload && { payload }),
    ...(resultSchema && { resultSchema }),
    ...dataFlowFields(options),
    ...(options.timeoutSeconds !== undefined && { timeoutSeconds: dynamicSettingNode(options.timeoutSeconds, 'timeoutSeconds') }),
    ...(options.heartbeatSeconds !== undefined && { heartbeatSeconds: dynamicSettingNode(options.heartbeatSeconds, 'heartbeatSeconds') }),
    ...(roleArn && { credentials: Object.freeze({ kind: 'object', entries: Object.freeze([Object.freeze(['RoleArn', roleArn] as const)]) }) }),
    retry: Object.freeze([]),
    catch: Object.freeze([]),
  } as TaskNode);
}

/** `comment` and `queryLanguage`, present only when given (keeps the AST minimal and deterministic). */
export function commonFields(options: StateOptions): Pick<TaskNode, 'comment' | 'queryLanguage'> {
  return {
    ...(options.comment !== undefined && { comment: options.comment }),
    ...(options.queryLanguage !== undefined && { queryLanguage: options.queryLanguage }),
  };
}
