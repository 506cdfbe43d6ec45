import { runtimeError, StatesError } from '../../errors';

export interface Tolerance {
  count: number | undefined;
  percentage: number | undefined;
}

/** Checks resolved tolerance values the way AWS does (`States.Runtime` for out-of-range values). */
export function checkTolerance(t: Tolerance): Tolerance {
  if (t.count !== undefined && t.count < 0) throw runtimeError('ToleratedFailureCount cannot be negative.');
  if (t.percentage !== undefined && (t.percentage < 0 || t.percentage > 100)) {
    throw runtimeError('ToleratedFailurePercentage must be between 0 and 100.');
  }
  return t;
}

/** True when `failed` of `total` items exceeds either threshold (absent thresholds count as 0). */
export function exceedsTolerance(t: Tolerance, failed: number, total: number): boolean {
  if (failed === 0) return false;
  const count = t.count ?? 0;
  const percentage = t.percentage ?? 0;
  const overCount = t.count !== undefined || t.percentage === undefined ? failed > count : false;
  const overPercentage = t.percentage !== undefined || t.count === undefined ? (failed / total) * 100 > percentage : false;
  return overCount || overPercentage;
}

export function toleranceExceededError(): StatesError {
  return new StatesError('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded');
}
