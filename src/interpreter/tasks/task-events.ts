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
        ...this.names(),
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
      record(this.frame, 'TaskStarted', this.names());
      if (pattern !== 'request-response') record(this.frame, 'TaskSubmitted', { ...this.names(), output: {} });
    }
  }

  succeeded(output: Json): void {
    this.emit('Succeeded', { output });
  }

  failed(error: string | null, cause: string | null | undefined): void {
    this.emit('Failed', errorDetails(error, cause));
  }

  timedOut(error: string, cause: string | undefined): void {
    this.emit('TimedOut', errorDetails(error, cause));
  }

  private emit(outcome: 'Succeeded' | 'Failed' | 'TimedOut', details: RecordedDetails): void {
    const { kind } = this.resource;
    if (kind === 'lambda-function') record(this.frame, `LambdaFunction${outcome}`, details);
    else if (kind === 'activity') record(this.frame, `Activity${outcome}`, details);
    else record(this.frame, `Task${outcome}`, { ...this.names(), ...details });
  }

  private names(): RecordedDetails {
    return { resourceType: this.resource.resourceType, resource: this.resource.resource };
  }
}

function errorDetails(error: string | null, cause: string | null | undefined): RecordedDetails {
  const details: RecordedDetails = {};
  if (error !== null) details.error = error;
  if (cause !== null && cause !== undefined) details.cause = cause;
  return details;
}
