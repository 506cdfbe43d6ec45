import type { Json } from '../../asl/types';
import { jsonByteSize } from '../json/json-size';
import { LIMITS } from '../../asl/limits';
import { StatesError } from '../errors';
import type { Frame, StateVisit, Variables } from '../engine/runtime';
import { reserveVariableStorage } from './variable-storage';

/**
 * Assigns the already-evaluated right-hand sides (all evaluated first, from the values as of state
 * entry, per the ASL spec) and remembers them for the `*StateExited` event. Enforces AWS's limits:
 * one variable and one Assign ≤ 256 KiB (`States.DataLimitExceeded`), all of the execution's
 * variables ≤ 10 MiB (`States.Runtime`, see {@link reserveVariableStorage}).
 */
export function assignVariables(frame: Frame, visit: StateVisit, values: Json): void {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return;
  let total = 0;
  const sizes = new Map<string, number>();
  for (const name in values) {
    const size = jsonByteSize(values[name], LIMITS.assignBytes + 1);
    total += size;
    if (size > LIMITS.assignBytes || total > LIMITS.assignBytes) {
      throw new StatesError(
        'States.DataLimitExceeded',
        `The variables assigned by the state '${visit.name}' exceed the maximum size of ${LIMITS.assignBytes} bytes.`,
      );
    }
    sizes.set(name, size);
  }
  reserveVariableStorage(frame, visit.name, sizes);
  const variables: Variables = frame.variables;
  for (const name in values) variables[name] = values[name];
  visit.assigned = values as Variables;
}
