/**
 * AWS Step Functions' numeric limits, in one place. Every rule, runtime check and message reads
 * them from here; nobody types the numbers again.
 *
 * Sources: the ASL spec and the Step Functions Developer Guide ("Quotas", "Retrying after an
 * error", "Wait", "Map state"), and recordings on real AWS (`../shared/conformance`).
 *
 * @example
 * import { LIMITS } from 'statecraft/asl';
 * if (seconds > LIMITS.maxSeconds) throw new Error(`at most ${LIMITS.maxSeconds}`);
 */
export const LIMITS = {
  /** Largest `TimeoutSeconds`, `HeartbeatSeconds`, Wait `Seconds`, retrier `IntervalSeconds`/`MaxAttempts` (99,999,999). */
  maxSeconds: 99_999_999,
  /** Largest retrier `MaxDelaySeconds`: one year in seconds (31,622,400 = 366 days). */
  maxRetryDelaySeconds: 31_622_400,
  /** Largest task/state input or output, and `MaxInputBytesPerBatch`: 256 KiB of UTF-8. */
  payloadBytes: 262_144,
  /** Largest state machine definition: 1 MiB. */
  definitionBytes: 1_048_576,
  /** Largest total size of an execution's variables: 10 MiB. */
  variablesBytes: 10 * 1024 * 1024,
  /** Events in a Standard execution's history (the 25,000th is the last). */
  historyEvents: 25_000,
} as const;
