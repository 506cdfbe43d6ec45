import { requestResponse, runJob } from './service-action';

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
export interface BatchSubmitJobResult {
  JobArn: string;
  JobId: string;
  JobName: string;
}
/** `.sync` returns the job description (`DescribeJobs` entry). */
export interface BatchJobDescription {
  JobId: string;
  JobName: string;
  Status: string;
  [field: string]: unknown;
}
export type BatchError = `Batch.${string}`;

const submitJob = { service: 'batch', action: 'submitJob', errors: [] as BatchError[] };

/**
 * AWS Batch: `batch.submitJob(...)` and `batch.submitJob.sync(...)` (no callback pattern).
 *
 * @example
 * .task('Render', batch.submitJob.sync({ JobName: 'render', JobQueue: queueArn, JobDefinition: defArn }))
 */
export const batch = Object.freeze({
  submitJob: Object.assign(requestResponse<BatchSubmitJobParams, BatchSubmitJobResult, BatchError>(submitJob), {
    sync: runJob<BatchSubmitJobParams, BatchJobDescription, BatchError>(submitJob),
  }),
});
