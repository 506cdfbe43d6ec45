import { runtimeError } from '../errors';
import type { ExecutionRuntime, Frame, Variables } from '../engine/runtime';
import { LIMITS } from '../../asl/limits';

// Bytes held by each variable scope (name → size) and by each execution as a whole. Kept beside
// the frames so the hot path (frames, runtime) carries no extra fields; a Distributed Map child
// has its own runtime object, so it is counted as its own execution.
const scopeSizes = new WeakMap<Variables, Map<string, number>>();
const executionTotals = new WeakMap<ExecutionRuntime, { bytes: number }>();

/**
 * Accounts for variables about to be stored in `frame`'s scope (sizes already measured) and
 * throws `States.Runtime` when the execution's variables would exceed 10 MiB together. A
 * reassigned variable's old value stops counting. AWS's exact error for this limit is not
 * documented; `States.Runtime` (not catchable) is the interpreter's choice.
 */
export function reserveVariableStorage(frame: Frame, stateName: string, sizes: Map<string, number>): void {
  let scope = scopeSizes.get(frame.variables);
  let total = executionTotals.get(frame.runtime);
  let delta = 0;
  for (const [name, size] of sizes) delta += size - (scope?.get(name) ?? 0);
  const current = total?.bytes ?? 0;
  if (current + delta > LIMITS.variablesBytes) {
    throw runtimeError(
      `The state '${stateName}' cannot assign its variables: all variables of the execution would take ${current + delta} bytes, over the limit of ${LIMITS.variablesBytes} bytes (10 MiB). Keep large data in state output or S3 instead of variables.`,
    );
  }
  if (!scope) scopeSizes.set(frame.variables, (scope = new Map()));
  if (!total) executionTotals.set(frame.runtime, (total = { bytes: 0 }));
  for (const [name, size] of sizes) scope.set(name, size);
  total.bytes += delta;
}

/**
 * Called when a Parallel branch or Map iteration ends: its variables vanish with its scope, so
 * they stop counting towards the execution's total.
 */
export function releaseVariableScope(frame: Frame): void {
  const scope = scopeSizes.get(frame.variables);
  if (!scope) return;
  let bytes = 0;
  for (const size of scope.values()) bytes += size;
  const total = executionTotals.get(frame.runtime);
  if (total) total.bytes -= bytes;
  scopeSizes.delete(frame.variables);
}
