import { parseArn } from '../arn';
import { isRunJob } from '../../asl/task-resource';
import { type IntegrationRule, type RuleInput } from '../integration-rule';
import { managedEventRule } from '../managed-event-rule';
import { payloadField, payloadPath } from '../payload-field';
import { ANY_RESOURCE, type PermissionNeed, type ResourceRef } from '../permission-need';
import { resolveResources } from '../resolve-resource';

const FAMILY = /^([A-Za-z0-9_-]+)(?::(\d+))?$/;

/**
 * `ecs:runTask`: `ecs:RunTask` on the task definition. `.sync` polls and stops the task
 * (`ecs:DescribeTasks`, `ecs:StopTask` on `*`: the task ARN is only known at run time) and needs
 * the managed `ECSTask` rule. Roles passed in `Overrides` need `iam:PassRole`.
 */
export const ecsRule: IntegrationRule = {
  service: 'ecs',
  permissions(input) {
    const taskDefinition = resolveResources(input, payloadField(input.payload, 'TaskDefinition'), {
      noun: 'task definition',
      toResources: (value) => taskDefinitionResources(value, input),
    });
    const needs: PermissionNeed[] = [{ sid: 'EcsRunTask', actions: ['ecs:RunTask'], resources: taskDefinition }];
    if (isRunJob(input.pattern)) {
      needs.push(
        { sid: 'EcsStopAndDescribeTasks', actions: ['ecs:StopTask', 'ecs:DescribeTasks'], resources: [ANY_RESOURCE] },
        managedEventRule(input.arns, 'ECSTask'),
      );
    }
    const passedRoles = overrideRoles(input);
    if (passedRoles.length > 0) {
      needs.push({
        sid: 'IamPassRoleToEcs',
        actions: ['iam:PassRole'],
        resources: passedRoles,
        condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      });
    }
    input.warn({
      kind: 'note',
      field: payloadField(input.payload, 'TaskDefinition').label,
      message:
        'ecs:RunTask also needs iam:PassRole on the task definition\'s task role and execution role, which the ASL does not show; add them (condition iam:PassedToService = ecs-tasks.amazonaws.com).',
    });
    return needs;
  },
};

function taskDefinitionResources(value: string, input: RuleInput): ResourceRef[] | undefined {
  const arn = parseArn(value);
  if (arn) {
    const match = /^task-definition\/([A-Za-z0-9_-]+)(:\d+)?$/.exec(arn.resource);
    if (arn.service !== 'ecs' || !match) return undefined;
    return [{ arn: match[2] ? value : `${value}:*`, label: match[1] }];
  }
  const family = FAMILY.exec(value);
  if (!family) return undefined;
  const revision = family[2] ?? '*';
  return [{ arn: input.arns.arn('ecs', `task-definition/${family[1]}:${revision}`), label: family[1] }];
}

function overrideRoles(input: RuleInput): ResourceRef[] {
  const overrides = payloadField(input.payload, 'Overrides');
  if (overrides.kind === 'absent') return [];
  return ['TaskRoleArn', 'ExecutionRoleArn'].flatMap((key) => {
    const field = payloadPath(overrides, [key]);
    if (field.kind === 'absent') return [];
    return resolveResources(input, field, {
      noun: 'role ARN',
      toResources: (value) => {
        const arn = parseArn(value);
        return arn?.service === 'iam' ? [{ arn: value, label: arn.resource.replace(/^role\//, '') }] : undefined;
      },
    });
  });
}
