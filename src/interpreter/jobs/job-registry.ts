/** A `.sync` job (or nested execution) an execution submitted, as plain data. Times: epoch ms. */
export interface JobRecord {
  jobId: string;
  executionArn: string;
  stateName: string;
  /** The Task's `Resource`. */
  resource: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  submittedAt: number;
  /** When the job is due to end by itself (absent: it runs until cancelled or answered). */
  endsAt?: number;
  endedAt?: number;
  /** Why Step Functions cancelled it (`aborted`: execution stopped or a sibling failed; `timed-out`: the task timed out). */
  cancelReason?: 'aborted' | 'timed-out';
  /** For a nested `states:startExecution`: the child execution. */
  childExecutionArn?: string;
}

/**
 * Every job the interpreter's executions submitted, and what became of it. A job abandoned by its
 * task (execution stopped, sibling Parallel branch or Map iteration failed, task timed out) is
 * cancelled and stays listed with status `CANCELLED`.
 */
export class JobRegistry {
  private readonly jobs: JobRecord[] = [];
  private count = 0;

  submit(job: Omit<JobRecord, 'jobId' | 'status'>): JobRecord {
    const record: JobRecord = { jobId: `job-${++this.count}`, status: 'RUNNING', ...job };
    this.jobs.push(record);
    return record;
  }

  end(job: JobRecord, status: 'SUCCEEDED' | 'FAILED' | 'CANCELLED', at: number, cancelReason?: JobRecord['cancelReason']): void {
    if (job.status !== 'RUNNING') return;
    job.status = status;
    job.endedAt = at;
    if (cancelReason) job.cancelReason = cancelReason;
  }

  /** Copies of the jobs (plain data), optionally of one execution. */
  list(filter: { executionArn?: string; status?: JobRecord['status'] } = {}): JobRecord[] {
    return this.jobs
      .filter((j) => (filter.executionArn === undefined || j.executionArn === filter.executionArn) && (filter.status === undefined || j.status === filter.status))
      .map((j) => ({ ...j }));
  }
}
