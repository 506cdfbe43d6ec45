import type { Json } from '../../asl/types';
import type { JobRecord } from './job-registry';

const SYNC_JOB: unique symbol = Symbol('statecraft.syncJob');

/** How a mocked `.sync` job runs: how long (virtual seconds), how it ends, and who hears a cancel. */
export interface SyncJobSpec {
  /** Run time on the interpreter's clock. Default 0 (ends as soon as it is submitted). Omit `output`/`error` and set `runsForever` for a job that never ends. */
  seconds?: number;
  /** The job's result (the task's result when it succeeds). Default `{}`. */
  output?: Json;
  /** Set to make the job fail with this error (and `cause`). */
  error?: string;
  cause?: string;
  /** The job never ends by itself: only the task's timeout, a stop or a failing sibling ends the wait (and cancels it). */
  runsForever?: boolean;
  /** Called when Step Functions cancels the job (the execution stopped, a sibling failed, the task timed out). */
  onCancel?: (job: JobRecord) => void;
}

/** A running `.sync` job a mock returned (`syncJob(...)`): it finishes on the clock. */
export interface SyncJob extends SyncJobSpec {
  readonly [SYNC_JOB]: true;
}

/**
 * Returned by a mock of a `.sync` Task: the job is submitted, runs for `seconds` on the clock, then
 * succeeds with `output` or fails with `error`/`cause`. A plain value returned instead ends the
 * job at once with that value; a thrown error fails it at once.
 *
 * @example
 * mocks: {
 *   'Submit Batch Job': () => syncJob({ seconds: 900, output: { JobId: 'j-1', Status: 'SUCCEEDED' } }),
 *   'Run Report': () => syncJob({ seconds: 60, error: 'States.TaskFailed', cause: 'exit code 1', onCancel: (job) => cancels.push(job) }),
 * }
 */
export function syncJob(spec: SyncJobSpec = {}): SyncJob {
  if (spec.seconds !== undefined && (!Number.isFinite(spec.seconds) || spec.seconds < 0)) {
    throw new Error(`syncJob: 'seconds' must be a finite number >= 0 (got ${String(spec.seconds)}).`);
  }
  return { ...spec, [SYNC_JOB]: true };
}

export function isSyncJob(value: unknown): value is SyncJob {
  return typeof value === 'object' && value !== null && SYNC_JOB in value;
}
