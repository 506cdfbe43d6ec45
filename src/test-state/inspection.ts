import type { InspectionData, InspectionLevel } from '@aws-sdk/client-sfn';
import type { Json, QueryLanguage, State } from '../asl/types';
import type { FlowStage } from '../interpreter/engine/state-test-hooks';
import { taskTarget } from '../interpreter/tasks/task-target';
import { httpExchange } from './http-inspection';

/** What one TestState run saw: the data-flow stages, the Map settings, the error handling. */
export interface Inspection {
  stages: Partial<Record<FlowStage, Json>>;
  afterItemsPath?: Json;
  afterItemSelector?: Json;
  maxConcurrency?: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
  errorDetails?: { retryIndex?: number; retryBackoffIntervalSeconds?: number; catchIndex?: number };
  variables?: Record<string, Json>;
}

export function emptyInspection(): Inspection {
  return { stages: {} };
}

/**
 * Which data-flow stages AWS's TestState reports, per state type and query language (recorded on
 * AWS, `shared/conformance/test-state.jsonl`): JSONPath shows each step a state has — a Pass with
 * a `Result` shows the result instead of its input steps, a Parallel only its result steps;
 * JSONata shows a Task's Arguments and result, and nothing for other types.
 */
function reportedStages(state: State, language: QueryLanguage): readonly FlowStage[] {
  if (language === 'JSONata') return state.Type === 'Task' ? ['afterArguments', 'result'] : [];
  switch (state.Type) {
    case 'Task':
      return ['afterInputPath', 'afterParameters', 'result', 'afterResultSelector', 'afterResultPath'];
    case 'Pass':
      return state.Result !== undefined
        ? ['result', 'afterResultSelector', 'afterResultPath']
        : ['afterInputPath', 'afterParameters', 'afterResultSelector', 'afterResultPath'];
    case 'Map':
      return ['afterInputPath', 'afterResultSelector', 'afterResultPath'];
    case 'Parallel':
      return ['afterResultSelector', 'afterResultPath'];
    default:
      // Choice, Wait, Succeed, Fail: their InputPath (the input itself when a Fail has none).
      return ['afterInputPath'];
  }
}

const text = (value: Json): string => JSON.stringify(value);

/** `inspectionData` as AWS answers it (JSON values as text); none at `INFO`. */
export function inspectionData(
  level: InspectionLevel | undefined,
  state: State,
  language: QueryLanguage,
  input: Json,
  seen: Inspection,
): InspectionData | undefined {
  if (level !== 'DEBUG' && level !== 'TRACE') return undefined;
  const data: InspectionData = { input: text(input) };
  for (const stage of reportedStages(state, language)) {
    const value = seen.stages[stage] ?? (stage === 'afterInputPath' && state.Type === 'Fail' ? input : undefined);
    if (value !== undefined) data[stage] = text(value);
  }
  if (seen.afterItemsPath !== undefined) data.afterItemsPath = text(seen.afterItemsPath);
  if (seen.afterItemSelector !== undefined) data.afterItemSelector = text(seen.afterItemSelector);
  if (seen.maxConcurrency !== undefined) data.maxConcurrency = seen.maxConcurrency;
  if (seen.toleratedFailureCount !== undefined) data.toleratedFailureCount = seen.toleratedFailureCount;
  if (seen.toleratedFailurePercentage !== undefined) data.toleratedFailurePercentage = seen.toleratedFailurePercentage;
  if (seen.errorDetails !== undefined) data.errorDetails = seen.errorDetails;
  if (seen.variables !== undefined && Object.keys(seen.variables).length > 0) data.variables = text(seen.variables);
  if (level === 'TRACE' && isHttpTask(state)) {
    const effective = seen.stages.afterArguments ?? seen.stages.afterParameters;
    Object.assign(data, dropUndefined(httpExchange(effective, seen.stages.result)));
  }
  return data;
}

function isHttpTask(state: State): boolean {
  if (state.Type !== 'Task') return false;
  try {
    return taskTarget(state.Resource).kind === 'http';
  } catch {
    return false;
  }
}

function dropUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
