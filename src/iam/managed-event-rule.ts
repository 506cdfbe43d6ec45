import type { ArnContext } from './arn-context';
import type { PermissionNeed } from './permission-need';

/**
 * `.sync` integrations learn that a job finished through an EventBridge rule Step Functions manages
 * in the caller's account (`StepFunctionsGetEventsFor<X>Rule`); the role must be able to create it.
 */
export function managedEventRule(arns: ArnContext, target: string): PermissionNeed {
  return managedEventRuleNamed(arns, `StepFunctionsGetEventsFor${target}Rule`);
}

/**
 * The same need for a rule given by its full name (the catalogue's `syncRule`; some services spell
 * it `StepFunctionsGetEventFor…`, e.g. CodeBuild and EMR).
 */
export function managedEventRuleNamed(arns: ArnContext, rule: string): PermissionNeed {
  const label = rule.replace(/^StepFunctionsGetEvents?For/, '').replace(/Rule$/, '');
  return {
    sid: 'EventsManagedRule',
    actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
    resources: [{ arn: arns.arn('events', `rule/${rule}`), label }],
  };
}
