import { parseArn } from '../arn';
import { isRunJob } from '../../asl/task-resource';
import { type IntegrationRule } from '../integration-rule';
import { managedEventRule } from '../managed-event-rule';
import { payloadField } from '../payload-field';
import { ANY_RESOURCE, type PermissionNeed, type ResourceRef } from '../permission-need';
import { resolveResources } from '../resolve-resource';

const NAME = /^[A-Za-z0-9_-]+$/;
const NAME_WITH_REVISION = /^([A-Za-z0-9_-]+):(\d+)$/;

/**
 * `batch:submitJob`: `batch:SubmitJob` on the job definition and the job queue. `.sync` also polls
 * (`batch:DescribeJobs`, no resource-level control) and cancels (`batch:TerminateJob`, on a job id
 * only known at run time) — the two actions AWS CDK forgets — plus the managed `BatchJobs` rule.
 */
export const batchRule: IntegrationRule = {
  service: 'batch',
  permissions(input) {
    const definition = resolveResources(input, payloadField(input.payload, 'JobDefinition'), {
      noun: 'job definition',
      toResources: (value) => jobDefinitionResources(value, input.arns.arn.bind(input.arns)),
    });
    const queue = resolveResources(input, payloadField(input.payload, 'JobQueue'), {
      noun: 'job queue',
      toResources: (value) => {
        const arn = parseArn(value);
        if (arn) return arn.service === 'batch' ? [{ arn: value, label: arn.resource.replace(/^job-queue\//, '') }] : undefined;
        return NAME.test(value) ? [{ arn: input.arns.arn('batch', `job-queue/${value}`), label: value }] : undefined;
      },
    });
    const needs: PermissionNeed[] = [{ sid: 'BatchSubmitJob', actions: ['batch:SubmitJob'], resources: [...definition, ...queue] }];
    if (isRunJob(input.pattern)) {
      needs.push(
        { sid: 'BatchPollAndTerminateJobs', actions: ['batch:DescribeJobs', 'batch:TerminateJob'], resources: [ANY_RESOURCE] },
        managedEventRule(input.arns, 'BatchJobs'),
      );
    }
    return needs;
  },
};

// A job definition given without a revision runs its latest revision, so allow the name and any
// revision of it.
function jobDefinitionResources(value: string, arn: (service: string, resource: string) => string): ResourceRef[] | undefined {
  const parsed = parseArn(value);
  if (parsed) {
    if (parsed.service !== 'batch' || !parsed.resource.startsWith('job-definition/')) return undefined;
    const label = parsed.resource.slice('job-definition/'.length).replace(/:\d+$/, '');
    return /:\d+$/.test(parsed.resource) ? [{ arn: value, label }] : [{ arn: value, label }, { arn: `${value}:*`, label }];
  }
  const revised = NAME_WITH_REVISION.exec(value);
  if (revised) return [{ arn: arn('batch', `job-definition/${value}`), label: revised[1] }];
  if (!NAME.test(value)) return undefined;
  const base = arn('batch', `job-definition/${value}`);
  return [
    { arn: base, label: value },
    { arn: `${base}:*`, label: value },
  ];
}
