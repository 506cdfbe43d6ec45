import type { Json } from '../../asl/types';
import type { RecordedDetails } from '../history/history-event';
import { record, type Frame } from '../engine/runtime';
import type { TaskTarget } from './task-target';

export interface TaskScheduling {
  input: Json;
  region: string;
  timeoutSeconds: number | undefined;
  heartbeatSeconds: number | undefined;
  roleArn: string | undefined;
}

/**
 * The history events of a task attempt, per resource kind: Lambda ARNs use `LambdaFunction*`,
 * activities `Activity*`, everything else `Task*` (with `TaskSubmitted` for `.sync` and callbacks).
 */
export class TaskEvents {
  constructor(
    private readonly frame: Frame,
    private readonly resource: TaskTarget,
  ) {}

  scheduled(s: TaskScheduling): void {
    const { kind } = this.resource;
    const credentials = s.roleArn ? { roleArn: s.roleArn } : undefined;
    if (kind === 'lambda-function') {
      record(this.frame, 'LambdaFunctionScheduled', {
        resource: this.resource.arn,
        input: s.input,
        timeoutInSeconds: s.timeoutSeconds,
        taskCredentials: credentials,
      });
    } else if (kind === 'activity') {
      record(this.frame, 'ActivityScheduled', {
        resource: this.resource.arn,
        input: s.input,
        timeoutInSeconds: s.timeoutSeconds,
        heartbeatInSeconds: s.heartbeatSeconds,
      });
    } else {
      record(this.frame, 'TaskScheduled', {
        resourceType: this.resource.resourceType,
        resource: this.resource.resource,
        region: s.region,
        parameters: s.input,
        timeoutInSeconds: s.timeoutSeconds,
        heartbeatInSeconds: s.heartbeatSeconds,
        taskCredentials: credentials,
      });
    }
  }

  started(): void {
    const { kind, pattern } = this.resource;
    if (kind === 'lambda-function') record(this.frame, 'LambdaFunctionStarted');
    else if (kind === 'activity') record(this.frame, 'ActivityStarted', { workerName: 'statecraft-mock' });
    else {
      record(this.frame, 'TaskStarted', this.details());
      if (pattern !== 'request-response') {
        record(this.frame, 'TaskSubmitted', { resourceType: this.resource.resourceType, resource: this.resource.resource, output: {} });
      }
    }
  }

  succeeded(output: Json): void {
    const details = this.details();
    details.output = output;
    this.emit('Succeeded', details);
  }

  failed(error: string | null, cause: string | null | undefined): void {
    this.emit('Failed', withError(this.details(), error, cause));
  }

  timedOut(error: string, cause: string | undefined): void {
    this.emit('TimedOut', withError(this.details(), error, cause));
  }

  private emit(outcome: 'Succeeded' | 'Failed' | 'TimedOut', details: RecordedDetails): void {
    const { kind } = this.resource;
    if (kind === 'lambda-function') record(this.frame, `LambdaFunction${outcome}`, details);
    else if (kind === 'activity') record(this.frame, `Activity${outcome}`, details);
    else record(this.frame, `Task${outcome}`, details);
  }

  /**
   * The details an outcome event starts from: `Task*` events name the resource first. Built field
   * by field (not spread from another object), which keeps the object small and fast.
   */
  private details(): RecordedDetails {
    const kind = this.resource.kind;
    if (kind === 'lambda-function' || kind === 'activity') return {};
    return { resourceType: this.resource.resourceType, resource: this.resource.resource };
  }
}

function withError(details: RecordedDetails, error: string | null, cause: string | null | undefined): RecordedDetails {
  if (error !== null) details.error = error;
  if (cause !== null && cause !== undefined) details.cause = cause;
  return details;
}
