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
/** What AWS Glue `StartJobRun` returns (for `.sync`: the finished job run). */
export interface GlueJobRun {
  Id: string;
  JobName: string;
  JobRunState: string;
  [field: string]: unknown;
}
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
