import { parseArn } from '../arn';
import { isRunJob } from '../../asl/task-resource';
import { type IntegrationRule } from '../integration-rule';
import { managedEventRule } from '../managed-event-rule';
import { payloadField } from '../payload-field';
import { ANY_RESOURCE, type PermissionNeed, type ResourceRef } from '../permission-need';
import { resolveResources } from '../resolve-resource';

/**
 * `states:startExecution` (nested workflow): `states:StartExecution` on the child. `.sync` and
 * `.sync:2` (same permissions; they differ only in how the child's output is returned) also
 * describe and stop the child's executions and need the managed `StepFunctionsExecution` rule.
 */
export const stepFunctionsRule: IntegrationRule = {
  service: 'states',
  permissions(input) {
    const field = payloadField(input.payload, 'StateMachineArn');
    const machines = resolveResources(input, field, {
      noun: 'state machine ARN',
      toResources: (value) => {
        const child = childStateMachine(value);
        return child ? [{ arn: value, label: child.name }] : undefined;
      },
    });
    const child = field.kind === 'static' && typeof field.value === 'string' ? childStateMachine(field.value) : undefined;
    // The dynamic case was already reported for StartExecution; its executions follow suit.
    const executions: ResourceRef[] = child ? [{ arn: child.executions, label: child.name }] : [ANY_RESOURCE];
    const needs: PermissionNeed[] = [{ sid: 'StatesStartExecution', actions: ['states:StartExecution'], resources: machines }];
    if (isRunJob(input.pattern)) {
      needs.push(
        { sid: 'StatesDescribeAndStopExecution', actions: ['states:DescribeExecution', 'states:StopExecution'], resources: executions },
        managedEventRule(input.arns, 'StepFunctionsExecution'),
      );
    }
    return needs;
  },
};

/** `...:stateMachine:name[:version|alias]` → its name and `...:execution:name:*`. */
function childStateMachine(value: string): { name: string; executions: string } | undefined {
  const arn = parseArn(value);
  const match = arn && /^stateMachine:([A-Za-z0-9_-]+)(?::[A-Za-z0-9_$-]+)?$/.exec(arn.resource);
  if (!arn || arn.service !== 'states' || !match) return undefined;
  return {
    name: match[1],
    executions: `arn:${arn.partition}:states:${arn.region}:${arn.account}:execution:${match[1]}:*`,
  };
}
