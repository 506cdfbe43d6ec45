import { requestResponse, runJob } from './service-action';

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
export interface GlueJobRun {
  Id: string;
  JobName: string;
  JobRunState: string;
  [field: string]: unknown;
}
export type GlueError = `Glue.${string}`;

const startJobRun = { service: 'glue', action: 'startJobRun', errors: [] as GlueError[] };

/**
 * AWS Glue: `glue.startJobRun(...)` (result `{ JobRunId }`) and `glue.startJobRun.sync(...)` (the job run).
 *
 * @example
 * .task('ETL', glue.startJobRun.sync({ JobName: 'nightly' }))
 */
export const glue = Object.freeze({
  startJobRun: Object.assign(requestResponse<GlueStartJobRunParams, { JobRunId: string }, GlueError>(startJobRun), {
    sync: runJob<GlueStartJobRunParams, GlueJobRun, GlueError>(startJobRun),
  }),
});
