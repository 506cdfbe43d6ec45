import type { Json, MapState } from '../../../asl/types';
import type { Frame, StateVisit } from '../../engine/runtime';
import { checkTolerance, type Tolerance } from './failure-tolerance';
import { prepareMapNumber } from './map-number';

/** A Map state's per-run numbers, prepared once: literal, `…Path` or JSONata forms alike. */
export interface MapSettings {
  /** `MaxConcurrency` (0 when absent). */
  maxConcurrency(effective: Json, frame: Frame, visit: StateVisit): Promise<number>;
  /** The tolerated failures, checked; `undefined` when the state sets no tolerance. */
  tolerance(effective: Json, frame: Frame, visit: StateVisit): Promise<Tolerance | undefined>;
}

/** Prepares a Map state's settings, shared by the Map state itself and TestState's view of it. */
export function prepareMapSettings(state: MapState, jsonata: boolean): MapSettings {
  const maxConcurrency = prepareMapNumber(state.MaxConcurrency, state.MaxConcurrencyPath, 'MaxConcurrency', 'integer', jsonata);
  const toleratedCount = prepareMapNumber(state.ToleratedFailureCount, state.ToleratedFailureCountPath, 'ToleratedFailureCount', 'integer', jsonata);
  const toleratedPercentage = prepareMapNumber(state.ToleratedFailurePercentage, state.ToleratedFailurePercentagePath, 'ToleratedFailurePercentage', 'float', jsonata);
  const hasTolerance = [state.ToleratedFailureCount, state.ToleratedFailureCountPath, state.ToleratedFailurePercentage, state.ToleratedFailurePercentagePath].some(
    (v) => v !== undefined,
  );
  return {
    maxConcurrency: async (effective, frame, visit) => (await maxConcurrency(effective, frame, visit)) ?? 0,
    tolerance: async (effective, frame, visit) =>
      hasTolerance ? checkTolerance({ count: await toleratedCount(effective, frame, visit), percentage: await toleratedPercentage(effective, frame, visit) }) : undefined,
  };
}
