import type { HistoryEvent, HistoryEventType } from '@aws-sdk/client-sfn';
import type { Json } from '../../asl/types';
import { StoredJson } from './stored-json';

export type { HistoryEvent, HistoryEventType };

/**
 * An event as the interpreter records it: JSON values are kept by reference (they are immutable
 * inside the interpreter) and turned into AWS's strings only when the history is read, so
 * recording costs the same whatever the payload size. A history through which big payloads flow
 * keeps those as their JSON text instead (see `StoredJson`); readers of `recordedEvents()` still
 * get JSON values, parsed when first read.
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
  /** `ExecutionRedriven` / `MapRunRedriven`: how many times the execution / Map Run has been redriven. */
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
  MapRunRedriven: 'mapRunRedrivenEventDetails',
  EvaluationFailed: 'evaluationFailedEventDetails',
};

const JSON_FIELDS = ['input', 'output', 'parameters'] as const;

/** Renders a recorded event in `GetExecutionHistory`'s shape. */
export function renderEvent(event: RecordedEvent, texts?: Map<StoredJson, string>): HistoryEvent {
  const rendered: Record<string, unknown> = {
    timestamp: new Date(event.timestamp),
    type: event.type,
    id: event.id,
    previousEventId: event.previousEventId,
  };
  const key = DETAILS_KEY[event.type] ?? stateEventKey(event.type);
  if (key && event.details) rendered[key] = renderDetails(event.details, texts);
  return rendered as unknown as HistoryEvent;
}

function stateEventKey(type: string): string | undefined {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return undefined;
}

function renderDetails(details: RecordedDetails, texts: Map<StoredJson, string> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(details)) {
    if (value === undefined) continue;
    if ((JSON_FIELDS as readonly string[]).includes(field)) {
      out[field] = jsonText(value, texts);
      out[`${field}Details`] = { truncated: false };
    } else if (field === 'assignedVariables') {
      const assigned: Record<string, string> = {};
      for (const [name, v] of Object.entries(value as Record<string, Json>)) assigned[name] = jsonText(v, texts);
      out.assignedVariables = assigned;
      out.assignedVariablesDetails = { truncated: false };
    } else {
      out[field] = value;
    }
  }
  return out;
}

/** A payload as AWS gives it: JSON text (kept as text already when the history stored it so; `texts` remembers each one's). */
function jsonText(value: unknown, texts: Map<StoredJson, string> | undefined): string {
  if (!(value instanceof StoredJson)) return JSON.stringify(value);
  let text = texts?.get(value);
  if (text === undefined) {
    text = value.text;
    texts?.set(value, text);
  }
  return text;
}
