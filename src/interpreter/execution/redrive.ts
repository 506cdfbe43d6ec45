import type { Json, StateMachineDefinition } from '../../asl/types';
import { formatTimestamp } from '../clock/timestamp';
import type { HistoryEvent } from '../history/history-event';
import type { ExecutionRedrive } from './types';

/**
 * Where a redrive (AWS's RedriveExecution) of an unsuccessful execution goes on, read from its
 * history (in `GetExecutionHistory` format, earlier redrives included): the last top-level state
 * it entered (the one that did not complete), with the input it entered with, and the top-level
 * variables as the states before it assigned them. Nothing before that state runs again. A
 * Parallel or Map state is rerun whole (AWS reruns only its unsuccessful branches/iterations).
 *
 * @example
 * const previous = execution.history();
 * const redrive = planRedrive(definition, previous, { redriveCount: 0, startTime: execution.describe().startDate, now: Date.now() });
 * const again = machine.startExecution(execution.describe().input, { name: execution.name, redrive });
 */
export function planRedrive(
  definition: StateMachineDefinition,
  events: readonly HistoryEvent[],
  previous: { redriveCount: number; startTime: string; now: number },
): ExecutionRedrive {
  // State names are unique across the whole definition (the validator's rule), so a top-level
  // name tells a top-level event from one of a Parallel branch or Map iteration.
  const topLevel = new Set(Object.keys(definition.States));
  let entered: { name: string; input: Json } | undefined;
  const variables: Record<string, Json> = {};
  let executionInput: Json = {};
  for (const event of events) {
    const type = event.type ?? '';
    if (type === 'ExecutionStarted') executionInput = parse(event.executionStartedEventDetails?.input) ?? {};
    if (type.endsWith('StateEntered')) {
      const details = event.stateEnteredEventDetails;
      if (details?.name !== undefined && topLevel.has(details.name)) entered = { name: details.name, input: parse(details.input) ?? null };
    }
    if (type.endsWith('StateExited') && topLevel.has(event.stateExitedEventDetails?.name ?? '')) {
      for (const [name, text] of Object.entries(event.stateExitedEventDetails?.assignedVariables ?? {})) variables[name] = parse(text) ?? null;
    }
  }
  return {
    fromState: entered?.name ?? definition.StartAt,
    stateInput: entered ? entered.input : executionInput,
    variables,
    redriveCount: previous.redriveCount + 1,
    redriveTime: formatTimestamp(previous.now),
    startTime: previous.startTime,
  };
}

function parse(text: string | undefined): Json | undefined {
  return text === undefined ? undefined : (JSON.parse(text) as Json);
}
