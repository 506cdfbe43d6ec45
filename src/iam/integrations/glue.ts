import { isRunJob } from '../../asl/task-resource';
import { type IntegrationRule } from '../integration-rule';
import { payloadField } from '../payload-field';
import { ANY_RESOURCE, type PermissionNeed } from '../permission-need';

/**
 * `glue:startJobRun`: AWS's template grants the Glue actions on `*` (no resource-level scoping in
 * the template); `.sync` adds polling (`GetJobRun`, `GetJobRuns`) and cancellation (`BatchStopJobRun`).
 * Glue polls rather than using an EventBridge rule, so there is no managed rule.
 */
export const glueRule: IntegrationRule = {
  service: 'glue',
  permissions(input) {
    const job = payloadField(input.payload, 'JobName');
    const jobName = job.kind === 'static' && typeof job.value === 'string' ? job.value : undefined;
    const needs: PermissionNeed[] = [
      { sid: 'GlueStartJobRun', actions: ['glue:StartJobRun'], resources: [{ arn: '*', label: jobName }] },
    ];
    if (isRunJob(input.pattern)) {
      needs.push({
        sid: 'GluePollAndStopJobRuns',
        actions: ['glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'],
        resources: [ANY_RESOURCE],
      });
    }
    input.warn({
      kind: 'note',
      field: job.label,
      message: jobName
        ? `Glue actions use "*" as in AWS's template; you may narrow them to arn:<partition>:glue:<region>:<account>:job/${jobName}.`
        : 'Glue actions use "*" as in AWS\'s template.',
    });
    return needs;
  },
};
