import type { ActionSpec } from '../asl/integrations/catalogue';
import { isRunJob } from '../asl/task-resource';
import type { RuleInput } from './integration-rule';
import { managedEventRuleNamed } from './managed-event-rule';
import { payloadPath } from './payload-field';
import { ANY_RESOURCE, type PermissionNeed } from './permission-need';
import { resolveResources } from './resolve-resource';
import { parseArn } from './arn';

/**
 * The permissions of a catalogue entry that has no rule module (no resource scoping needs code):
 * its actions on `*` (as AWS's generated template does where the resource is known only at run
 * time), `.sync`'s polling/cancellation actions and managed EventBridge rule, and `iam:PassRole` on
 * the roles the payload names. The report says the resource is `*`.
 *
 * @example
 * catalogueNeeds('athena', 'startQueryExecution', INTEGRATIONS.athena.actions.startQueryExecution, input);
 * // [{ sid: 'AthenaStartQueryExecution', actions: ['athena:StartQueryExecution', 'athena:GetDataCatalog'], resources: [{ arn: '*' }] }, …]
 */
export function catalogueNeeds(service: string, action: string, spec: ActionSpec, input: RuleInput): PermissionNeed[] {
  const sid = pascal(service) + pascal(action);
  const needs: PermissionNeed[] = [];
  if (spec.iam.actions.length > 0) needs.push({ sid, actions: [...spec.iam.actions], resources: [ANY_RESOURCE] });
  if (isRunJob(input.pattern)) {
    if (spec.iam.syncActions) needs.push({ sid: `${sid}PollAndStop`, actions: [...spec.iam.syncActions], resources: [ANY_RESOURCE] });
    if (spec.iam.syncRule) needs.push(managedEventRuleNamed(input.arns, spec.iam.syncRule));
  }
  for (const field of spec.iam.passRoleFields ?? []) {
    const role = payloadPath(input.payload, field.split('.'));
    if (role.kind === 'absent') continue;
    const resources = resolveResources(input, role, {
      noun: 'role',
      toResources: (value) => {
        const arn = parseArn(value);
        if (arn) return arn.service === 'iam' ? [{ arn: value, label: arn.resource.replace(/^role\//, '') }] : undefined;
        return /^[\w+=,.@-]+$/.test(value) ? [{ arn: `arn:${input.arns.partition}:iam::${input.arns.account()}:role/${value}`, label: value }] : undefined;
      },
    });
    needs.push({ sid: `${sid}PassRole`, actions: ['iam:PassRole'], resources });
  }
  if (needs.length === 0) {
    input.warn({
      kind: 'note',
      field: 'Resource',
      message: `${service}:${action} needs no IAM action of the execution role (the target authorises the call itself, e.g. Kubernetes RBAC for EKS).`,
    });
  } else if (spec.iam.actions.length > 0) {
    input.warn({
      kind: 'partial-policy',
      field: 'Resource',
      message: `${spec.iam.actions.join(', ')} on "*" as in AWS's template for ${service}:${action}; narrow the resource, and add what the job itself reads or writes (data in S3, catalogs, KMS keys).`,
    });
  }
  return needs;
}

function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
