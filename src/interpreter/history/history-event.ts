import type { HistoryEvent, HistoryEventType } from '@aws-sdk/client-sfn';
import type { Json } from '../../asl/types';

export type { HistoryEvent, HistoryEventType };

/**
 * An event as the interpreter records it: JSON values are kept by reference (they are immutable
 * inside the interpreter) and turned into AWS's strings only when the history is read, so
 * recording costs the same whatever the payload size.
 */
export interface RecordedEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: HistoryEventType;
  details?: RecordedDetails;
}

/** Detail fields; `input`/`output`/`parameters` hold JSON values, `assignedVariables` a map of them. */
export interface RecordedDetails {
  name?: string;
  input?: Json;
  output?: Json;
  parameters?: Json;
  assignedVariables?: Record<string, Json>;
  error?: string | null;
  cause?: string | null;
  resource?: string;
  resourceType?: string;
  region?: string;
  roleArn?: string;
  timeoutInSeconds?: number;
  heartbeatInSeconds?: number;
  taskCredentials?: { roleArn: string };
  index?: number;
  length?: number;
  mapRunArn?: string;
  workerName?: string;
  state?: string;
  location?: string;
  /** `ExecutionRedriven`: how many times the execution has been redriven. */
  redriveCount?: number;
}

/** Which `*EventDetails` key AWS uses for each event type (types without details are absent). */
export const DETAILS_KEY: Partial<Record<HistoryEventType, string>> = {
  ExecutionStarted: 'executionStartedEventDetails',
  ExecutionSucceeded: 'executionSucceededEventDetails',
  ExecutionFailed: 'executionFailedEventDetails',
  ExecutionAborted: 'executionAbortedEventDetails',
  ExecutionTimedOut: 'executionTimedOutEventDetails',
  ExecutionRedriven: 'executionRedrivenEventDetails',
  TaskScheduled: 'taskScheduledEventDetails',
  TaskStarted: 'taskStartedEventDetails',
  TaskSubmitted: 'taskSubmittedEventDetails',
  TaskSucceeded: 'taskSucceededEventDetails',
  TaskFailed: 'taskFailedEventDetails',
  TaskTimedOut: 'taskTimedOutEventDetails',
  TaskStartFailed: 'taskStartFailedEventDetails',
  TaskSubmitFailed: 'taskSubmitFailedEventDetails',
  LambdaFunctionScheduled: 'lambdaFunctionScheduledEventDetails',
  LambdaFunctionSucceeded: 'lambdaFunctionSucceededEventDetails',
  LambdaFunctionFailed: 'lambdaFunctionFailedEventDetails',
  LambdaFunctionTimedOut: 'lambdaFunctionTimedOutEventDetails',
  LambdaFunctionScheduleFailed: 'lambdaFunctionScheduleFailedEventDetails',
  LambdaFunctionStartFailed: 'lambdaFunctionStartFailedEventDetails',
  ActivityScheduled: 'activityScheduledEventDetails',
  ActivityStarted: 'activityStartedEventDetails',
  ActivitySucceeded: 'activitySucceededEventDetails',
  ActivityFailed: 'activityFailedEventDetails',
  ActivityTimedOut: 'activityTimedOutEventDetails',
  ActivityScheduleFailed: 'activityScheduleFailedEventDetails',
  MapStateStarted: 'mapStateStartedEventDetails',
  MapIterationStarted: 'mapIterationStartedEventDetails',
  MapIterationSucceeded: 'mapIterationSucceededEventDetails',
  MapIterationFailed: 'mapIterationFailedEventDetails',
  MapIterationAborted: 'mapIterationAbortedEventDetails',
  MapRunStarted: 'mapRunStartedEventDetails',
  MapRunFailed: 'mapRunFailedEventDetails',
  EvaluationFailed: 'evaluationFailedEventDetails',
};

const JSON_FIELDS = ['input', 'output', 'parameters'] as const;

/** Renders a recorded event in `GetExecutionHistory`'s shape. */
export function renderEvent(event: RecordedEvent): HistoryEvent {
  const rendered: Record<string, unknown> = {
    timestamp: new Date(event.timestamp),
    type: event.type,
    id: event.id,
    previousEventId: event.previousEventId,
  };
  const key = DETAILS_KEY[event.type] ?? stateEventKey(event.type);
  if (key && event.details) rendered[key] = renderDetails(event.details);
  return rendered as unknown as HistoryEvent;
}

function stateEventKey(type: string): string | undefined {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return undefined;
}

function renderDetails(details: RecordedDetails): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(details)) {
    if (value === undefined) continue;
    if ((JSON_FIELDS as readonly string[]).includes(field)) {
      out[field] = JSON.stringify(value);
      out[`${field}Details`] = { truncated: false };
    } else if (field === 'assignedVariables') {
      const assigned: Record<string, string> = {};
      for (const [name, v] of Object.entries(value as Record<string, Json>)) assigned[name] = JSON.stringify(v);
      out.assignedVariables = assigned;
      out.assignedVariablesDetails = { truncated: false };
    } else {
      out[field] = value;
    }
  }
  return out;
}
