import type { StateMachineType } from './types';

/** See `InterpreterOptions.maxExpressEvents`. */
export const DEFAULT_MAX_EXPRESS_EVENTS = 1_000_000;

/**
 * How many history events an execution may record, and what its failure says when it reaches
 * them. STANDARD: AWS's own limit. EXPRESS: AWS has no event limit but a 5-minute one; here
 * zero-time states never reach that, so a generous event cap ends an endless loop instead.
 */
export function historyLimit(setup: {
  stateMachineType: StateMachineType;
  maxHistoryEvents: number | undefined;
  maxExpressEvents?: number;
}): { maxEvents: number | null; cause: string | undefined } {
  if (setup.stateMachineType === 'STANDARD') return { maxEvents: setup.maxHistoryEvents ?? null, cause: undefined };
  const maxEvents = setup.maxExpressEvents ?? DEFAULT_MAX_EXPRESS_EVENTS;
  return {
    maxEvents,
    cause:
      `The EXPRESS execution recorded ${maxEvents} history events without ending. On AWS it would have hit ` +
      `the 5-minute Express limit long before; states that take no time (Pass, Choice) loop here without ` +
      `the clock moving. Check the loop's exit condition, or raise the Interpreter's maxExpressEvents.`,
  };
}
