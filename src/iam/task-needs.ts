import type { TaskState } from '../asl/types';
import type { ArnContext } from './arn-context';
import { awsSdkPermissions, INTEGRATION_RULES, LAMBDA_INVOKE_SID, lambdaFunctionResources } from './integrations';
import { payloadOf } from './payload-field';
import type { PermissionNeed } from './permission-need';
import { parseTaskResource } from '../asl/task-resource';
import { AWS_SDK_INTEGRATION, integrationAction } from '../asl/integrations/catalogue';
import { catalogueNeeds } from './catalogue-needs';
import type { IamWarning } from './types';

export interface TaskInput {
  name: string;
  task: TaskState;
  arns: ArnContext;
  warn(warning: Omit<IamWarning, 'state'>): void;
}

/** What a Task's call needs, plus what the principals around it must know. */
export interface TaskNeeds {
  needs: PermissionNeed[];
  /** The activity ARN when the Task is an activity (workers need permissions, the role none). */
  activity?: string;
  /** The Task waits for a task token someone must send back. */
  waitsForToken: boolean;
}

/** Dispatches a Task on the form of its `Resource` to the matching rule. */
export function taskNeeds(input: TaskInput): TaskNeeds {
  const { task, arns, warn } = input;
  if (typeof task.Resource !== 'string' || task.Resource === '') {
    warn({ kind: 'unknown-resource', field: 'Resource', message: 'the Task has no Resource string; nothing can be derived for it.' });
    return { needs: [], waitsForToken: false };
  }
  const resource = parseTaskResource(task.Resource);
  const unknown = (why?: string): TaskNeeds => {
    warn({
      kind: 'unknown-resource',
      field: 'Resource',
      message: `no IAM rule for \`${task.Resource}\`${why ? ` (${why})` : ''}; add the permission yourself.`,
    });
    return { needs: [], waitsForToken: false };
  };
  switch (resource.kind) {
    case 'activity':
      return { needs: [], activity: resource.arn, waitsForToken: false };
    case 'lambda-function': {
      const resources = lambdaFunctionResources(resource.arn, arns);
      if (!resources) return unknown('not a Lambda function ARN');
      return { needs: [{ sid: LAMBDA_INVOKE_SID, actions: ['lambda:InvokeFunction'], resources }], waitsForToken: false };
    }
    case 'aws-sdk':
      if (!(AWS_SDK_INTEGRATION.patterns as readonly string[]).includes(resource.pattern)) return unknown('AWS SDK integrations do not support .sync');
      return {
        needs: awsSdkPermissions({ service: resource.service, action: resource.action, warn }),
        waitsForToken: resource.pattern === 'waitForTaskToken',
      };
    case 'optimized': {
      const spec = integrationAction(resource.service, resource.api);
      if (!spec) return unknown();
      if (!spec.patterns.includes(resource.pattern)) return unknown(`${resource.service}:${resource.api} does not support .${resource.pattern}`);
      const ruleInput = { state: input.name, api: resource.api, pattern: resource.pattern, spec, payload: payloadOf(task), arns, warn };
      const rule = INTEGRATION_RULES.get(resource.service);
      const needs =
        rule && (rule.handles?.includes(resource.api) ?? true)
          ? rule.permissions(ruleInput)
          : catalogueNeeds(resource.service, resource.api, spec, ruleInput);
      return { needs, waitsForToken: resource.pattern === 'waitForTaskToken' };
    }
    case 'unknown':
      return unknown(resource.reason);
  }
}
