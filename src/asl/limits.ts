/**
 * AWS Step Functions' numeric limits, in one place. Every rule, runtime check and message reads
 * them from here; nobody types the numbers again. Our own budgets (JSONata depth, cache sizes,
 * scenario caps) are not AWS facts and stay, named, beside the code they bound.
 *
 * Sources: the ASL spec and the Step Functions Developer Guide (DG: "Step Functions service
 * quotas", "Retrying after an error", "Wait", "Map state", "Intrinsic functions", "Passing data
 * between states with variables"), the Step Functions API reference (field length constraints),
 * and recordings on real AWS (`../shared/conformance`); summarised in
 * `../shared/asl-reference.md` §10.
 *
 * @example
 * import { LIMITS } from 'statecraft/asl';
 * if (seconds > LIMITS.maxSeconds) throw new Error(`at most ${LIMITS.maxSeconds}`);
 */
export const LIMITS = {
  /**
   * Largest `TimeoutSeconds`, `HeartbeatSeconds`, Wait `Seconds`, retrier `IntervalSeconds`/`MaxAttempts`
   * (99,999,999); also a Task's default `TimeoutSeconds` on AWS (the spec's 60 s is not what AWS does).
   */
  maxSeconds: 99_999_999,
  /** Largest retrier `MaxDelaySeconds`: one year in seconds (31,622,400 = 366 days). */
  maxRetryDelaySeconds: 31_622_400,
  /** Longest execution, per type (DG quotas): Standard one year (365 days), Express five minutes. */
  executionSeconds: { STANDARD: 31_536_000, EXPRESS: 300 },
  /** Largest task/state input or output, and `MaxInputBytesPerBatch`: 256 KiB of UTF-8. */
  payloadBytes: 262_144,
  /** Largest state machine definition: 1 MiB. */
  definitionBytes: 1_048_576,
  /** Largest single variable, and all the values one `Assign` sets together: 256 KiB (DG "variables"). */
  assignBytes: 262_144,
  /** Largest total size of an execution's variables: 10 MiB. */
  variablesBytes: 10 * 1024 * 1024,
  /** How long after its end a Standard execution can be redriven: 14 days (API `RedriveExecution`). */
  redrivableSeconds: 14 * 24 * 3600,
  /**
   * Most redrives of one Map Run: 1,000, a hard limit (DG "Redriving Map Runs": past it the
   * redriven parent gets `States.Runtime`).
   */
  mapRunRedrives: 1000,
  /** Events in a Standard execution's history (the 25,000th is the last). */
  historyEvents: 25_000,
  /**
   * Longest name of a state, a variable, a state machine, an execution, an activity or an alias:
   * 80 characters (DG quotas; API `Name` shape).
   */
  nameLength: 80,
  /** Longest Map `Label`: 40 characters (DG "Map state"). */
  mapLabelLength: 40,
  /**
   * Deepest JSON nesting: AWS parses payloads and definitions with Jackson, whose default
   * `StreamReadConstraints.maxNestingDepth` is 1,000; a document nested deeper is refused there.
   */
  jsonNesting: 1000,
  /** Inline Map iterations at once: ~40 whatever `MaxConcurrency` says (DG "Map state", inline mode). */
  inlineMapConcurrency: 40,
  /** Distributed Map child executions at once, and the default when `MaxConcurrency` is 0 or unset: 10,000. */
  distributedMapConcurrency: 10_000,
  /** Largest Distributed Map `ItemReader.ReaderConfig.MaxItems`: 100,000,000. */
  mapMaxItems: 100_000_000,
  /** Longest input of `States.Base64Encode`/`Base64Decode`/`Hash`: 10,000 characters (DG "Intrinsic functions"). */
  encodingCharacters: 10_000,
  /** Most items `States.ArrayRange` (and JSONata's `$range`) may produce: 1,000. */
  arrayRangeItems: 1000,
  /** How long `GetActivityTask` holds a poll before answering with no task: 60 seconds. */
  activityPollSeconds: 60,
  /**
   * Longest task token issued: 1,024 characters (DG). The API accepts up to 2,048
   * (`api.taskTokenLength`); asl-reference §11.8 records the disagreement.
   */
  taskTokenLength: 1024,
  /** Length and paging constraints of the Step Functions API's request fields (API reference shapes). */
  api: {
    /** `stateMachineArn`, `executionArn`, `activityArn`, `roleArn`, alias and version ARNs: 256 characters. */
    arnLength: 256,
    /** `mapRunArn`: 2,000 characters. */
    mapRunArnLength: 2000,
    /** `taskToken` in `SendTask*`: 2,048 characters. */
    taskTokenLength: 2048,
    /** `error` of `SendTaskFailure`/`StopExecution` (`SensitiveError`): 256 characters. */
    errorLength: 256,
    /** `cause` of `SendTaskFailure`/`StopExecution` (`SensitiveCause`): 32,768 characters. */
    causeLength: 32_768,
    /** `description` of a version or alias: 256 characters. */
    descriptionLength: 256,
    /** Largest `maxResults` of the `List*` and `GetExecutionHistory` calls: 1,000. */
    maxResults: 1000,
    /** Page size of those calls when `maxResults` is 0 or absent: 100. */
    defaultPageSize: 100,
    /** Largest (and default) `maxResults` of `ValidateStateMachineDefinition`: 100 diagnostics. */
    validationMaxResults: 100,
  },
} as const;
