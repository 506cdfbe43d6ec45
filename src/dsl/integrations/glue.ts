import type { GlueJobRun } from './job-results/job-result-shapes';
import { catalogueCall } from './service-action';

/** The request of AWS Glue `StartJobRun` (its API field names). */
export interface GlueStartJobRunParams {
  JobName: string;
  JobRunId?: string;
  Arguments?: Record<string, string>;
  AllocatedCapacity?: number;
  Timeout?: number;
  SecurityConfiguration?: string;
  NotificationProperty?: { NotifyDelayAfter?: number };
  WorkerType?: string;
  NumberOfWorkers?: number;
}
/**
 * `.sync` returns the finished job run (`GetJobRun`'s `JobRun`: `Id`, `JobRunState`,
 * `ExecutionTime`, ...); generated from the AWS Glue API model (see `job-results/`).
 */
export type { GlueJobRun };
/** Error names AWS Glue tasks raise (`Glue.*`), for `.retry`/`.catch`. */
export type GlueError = `Glue.${string}`;

/**
 * AWS Glue: `glue.startJobRun(...)` (result `{ JobRunId }`) and `glue.startJobRun.sync(...)` (the job run).
 *
 * @example
 * .task('ETL', glue.startJobRun.sync({ JobName: 'nightly' }))
 */
export const glue = Object.freeze({
  startJobRun: catalogueCall('glue', 'startJobRun')<GlueStartJobRunParams, { JobRunId: string }, GlueError, GlueJobRun>(),
});
