import type { BatchJobDetail } from './job-results/job-result-shapes';
import { catalogueCall } from './service-action';

/** The request of AWS Batch `SubmitJob` (its API field names), as the task sends it. */
export interface BatchSubmitJobParams {
  JobName: string;
  JobQueue: string;
  JobDefinition: string;
  ArrayProperties?: { Size: number };
  ContainerOverrides?: Record<string, unknown>;
  Parameters?: Record<string, string>;
  DependsOn?: { JobId: string; Type?: string }[];
  RetryStrategy?: Record<string, unknown>;
  Timeout?: { AttemptDurationSeconds: number };
  Tags?: Record<string, string>;
}
/** What AWS Batch `SubmitJob` returns (request-response). */
export interface BatchSubmitJobResult {
  JobArn: string;
  JobId: string;
  JobName: string;
}
/**
 * `.sync` returns the finished job's `DescribeJobs` entry, members in PascalCase (`JobId`,
 * `Status`, `Container.ExitCode`); generated from the AWS Batch API model (see `job-results/`).
 */
export type BatchJobDescription = BatchJobDetail;
/** Error names AWS Batch tasks raise (`Batch.*`), for `.retry`/`.catch`. */
export type BatchError = `Batch.${string}`;


/**
 * AWS Batch: `batch.submitJob(...)` and `batch.submitJob.sync(...)` (no callback pattern).
 *
 * @example
 * .task('Render', batch.submitJob.sync({ JobName: 'render', JobQueue: queueArn, JobDefinition: defArn }))
 */
export const batch = Object.freeze({
  submitJob: catalogueCall('batch', 'submitJob')<BatchSubmitJobParams, BatchSubmitJobResult, BatchError, BatchJobDescription>(),
});
