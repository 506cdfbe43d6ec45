import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from '../../../src/asl/types';

/** One line of the conformance file (the fields these tests read). */
export interface RecordedExecution {
  id: string;
  feature: string;
  definition: { StartAt: string; QueryLanguage?: string; States: Record<string, Record<string, Json>> };
  input: Json;
  expected: { status: 'SUCCEEDED'; output: Json } | { status: 'FAILED'; error?: string; cause?: Json } | { status: 'TIMED_OUT' };
}

const directory = process.env.STATECRAFT_CONFORMANCE_DIR ?? '/work/shared/conformance';
const file = join(directory, 'executions.jsonl');

/** True when the recorded executions are available (they live outside the repository). */
export const hasRecordedExecutions = existsSync(file);

/** The recorded executions on real AWS (see the conformance README). */
export function loadRecordedExecutions(): RecordedExecution[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RecordedExecution);
}

/** The query language a state runs with. */
export function queryLanguageOf(definition: RecordedExecution['definition'], state: Record<string, Json>): string {
  return (state.QueryLanguage as string | undefined) ?? definition.QueryLanguage ?? 'JSONPath';
}

/** AWS's prefix on a state's failure cause (the first state is entered at event #2). */
export function statePrefix(stateName: string, enteredEventId: number): string {
  return `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}). `;
}
