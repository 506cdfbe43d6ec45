import type { EcsTask } from './job-results/job-result-shapes';
import { catalogueCall } from './service-action';

/** The request of Amazon ECS `RunTask` (its API field names). */
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
/** What Amazon ECS `RunTask` returns (request-response and `.waitForTaskToken` start the task). */
export interface EcsRunTaskResult {
  Tasks: EcsTask[];
  Failures: { Arn?: string; Reason?: string; Detail?: string }[];
}
/**
 * `.sync` returns the stopped task (`DescribeTasks` entry), members in PascalCase (`LastStatus`,
 * `StopCode`, `Containers[0].ExitCode`); generated from the Amazon ECS API model (see `job-results/`).
 */
export type EcsTaskDescription = EcsTask;
/** Error names Amazon ECS tasks raise (`ECS.*`), for `.retry`/`.catch`. */
export type EcsError = `ECS.${string}`;


/**
 * Amazon ECS / Fargate: `ecs.runTask(...)`, `.sync(...)` and `.waitForTaskToken(...)`.
 *
 * @example
 * .task('Crunch', ecs.runTask.sync({ Cluster: clusterArn, TaskDefinition: taskDefArn, LaunchType: 'FARGATE' }))
 */
export const ecs = Object.freeze({
  runTask: catalogueCall('ecs', 'runTask')<EcsRunTaskParams, EcsRunTaskResult, EcsError, EcsTaskDescription>(),
});
