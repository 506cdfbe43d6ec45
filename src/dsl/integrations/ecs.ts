import { requestResponse, runJob, waitForCallback } from './service-action';

export interface EcsRunTaskParams {
  Cluster?: string;
  TaskDefinition: string;
  LaunchType?: 'EC2' | 'FARGATE' | 'EXTERNAL';
  Count?: number;
  Group?: string;
  NetworkConfiguration?: Record<string, unknown>;
  Overrides?: { ContainerOverrides?: Record<string, unknown>[]; TaskRoleArn?: string; ExecutionRoleArn?: string };
  PlatformVersion?: string;
  PropagateTags?: 'TASK_DEFINITION' | 'SERVICE' | 'NONE';
  Tags?: { Key: string; Value: string }[];
  [field: string]: unknown;
}
export interface EcsRunTaskResult {
  Tasks: Record<string, unknown>[];
  Failures: Record<string, unknown>[];
}
export type EcsError = `ECS.${string}`;

const runTask = { service: 'ecs', action: 'runTask', errors: [] as EcsError[] };

/**
 * Amazon ECS / Fargate: `ecs.runTask(...)`, `.sync(...)` and `.waitForTaskToken(...)`.
 *
 * @example
 * .task('Crunch', ecs.runTask.sync({ Cluster: clusterArn, TaskDefinition: taskDefArn, LaunchType: 'FARGATE' }))
 */
export const ecs = Object.freeze({
  runTask: Object.assign(requestResponse<EcsRunTaskParams, EcsRunTaskResult, EcsError>(runTask), {
    sync: runJob<EcsRunTaskParams, Record<string, unknown>, EcsError>(runTask),
    waitForTaskToken: waitForCallback<EcsRunTaskParams, EcsError>(runTask),
  }),
});
