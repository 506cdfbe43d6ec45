import type { Retrier } from '../../asl/types';
import type { RandomSource } from '../random/seeded-random';

/**
 * Seconds to wait before retry number `attempt + 1` of a retrier that already retried `attempt`
 * times: `IntervalSeconds × BackoffRate^attempt`, capped by `MaxDelaySeconds`, and with
 * `JitterStrategy: FULL` a uniform draw in [0, that).
 *
 * @example
 * retryDelaySeconds({ ErrorEquals: ['X'], IntervalSeconds: 1, BackoffRate: 2 }, 2, Math.random); // 4
 */
export function retryDelaySeconds(retrier: Retrier, attempt: number, random: RandomSource): number {
  const interval = retrier.IntervalSeconds ?? 1;
  const backoff = retrier.BackoffRate ?? 2;
  let delay = interval * Math.pow(backoff, attempt);
  if (retrier.MaxDelaySeconds !== undefined) delay = Math.min(delay, retrier.MaxDelaySeconds);
  if (retrier.JitterStrategy === 'FULL') delay = random() * delay;
  return delay;
}
