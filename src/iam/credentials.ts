import type { Json, QueryLanguage, TaskState } from '../asl/types';
import { parseArn } from './arn';
import { payloadField, payloadRoot } from './payload-field';
import type { PermissionNeed } from './permission-need';
import type { IamWarning } from './types';

/** The role a Task assumes through `Credentials`, or `undefined` when it uses the execution role. */
export interface AssumedRole {
  /** The role ARN, or `*` when computed at run time. */
  role: string;
  need: PermissionNeed;
}

/**
 * `Credentials.RoleArn`: the execution role needs `sts:AssumeRole` on that role, and the task's own
 * permissions belong to the assumed role, not the execution role.
 */
export function assumedRole(
  task: TaskState,
  queryLanguage: QueryLanguage,
  warn: (warning: Omit<IamWarning, 'state'>) => void,
): AssumedRole | undefined {
  if (task.Credentials === undefined) return undefined;
  const field = payloadField(payloadRoot('Credentials', task.Credentials as Json, queryLanguage), 'RoleArn');
  let role = '*';
  if (field.kind === 'static' && typeof field.value === 'string' && parseArn(field.value)?.service === 'iam') {
    role = field.value;
  } else {
    warn({
      kind: 'dynamic-resource',
      field: field.label,
      message:
        field.kind === 'dynamic'
          ? `the role is computed at run time (${field.expression}), so sts:AssumeRole is on "*"; narrow it to the roles this can resolve to.`
          : `no readable role ARN is given, so sts:AssumeRole is on "*".`,
    });
  }
  const label = role === '*' ? undefined : parseArn(role)?.resource.split('/').pop();
  return { role, need: { sid: 'StsAssumeRole', actions: ['sts:AssumeRole'], resources: [{ arn: role, label }] } };
}
