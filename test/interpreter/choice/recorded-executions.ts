import type { Json } from '../../../src/asl/types';
import { EXECUTIONS_FILE, loadExecutionCases } from '../../../src/conformance/cases';
import { recordedCasesPresent } from '../../support/recorded-cases';

/** One line of the conformance file (the fields these tests read). */
export interface RecordedExecution {
  id: string;
  feature: string;
  definition: { StartAt: string; QueryLanguage?: string; States: Record<string, Record<string, Json>> };
  input: Json;
  expected: { status: 'SUCCEEDED'; output: Json } | { status: 'FAILED'; error?: string; cause?: Json } | { status: 'TIMED_OUT' };
}

/** True when the recorded executions are available (they live outside the repository); says so when not. */
export const hasRecordedExecutions = recordedCasesPresent('recorded Choice and JSONata executions', EXECUTIONS_FILE);

/** The recorded executions on real AWS (see the conformance README). */
export function loadRecordedExecutions(): RecordedExecution[] {
  return loadExecutionCases<RecordedExecution>();
}

/** The query language a state runs with. */
export function queryLanguageOf(definition: RecordedExecution['definition'], state: Record<string, Json>): string {
  return (state.QueryLanguage as string | undefined) ?? definition.QueryLanguage ?? 'JSONPath';
}

/** AWS's prefix on a state's failure cause (the first state is entered at event #2). */
export function statePrefix(stateName: string, enteredEventId: number): string {
  return `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}). `;
}
