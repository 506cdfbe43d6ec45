import type { Json } from '../asl/types';

/**
 * How one outside call is answered in a scenario. Matched to calls by `resource` and, when given,
 * `parameters` (never by state name, so renamed states still match). `attempts`-style sequences
 * are several answers for the same resource/parameters, used in order (a retry takes the next).
 */
export type ScenarioAnswer = AnswerMatch &
  (
    | { result: Json }
    | { error: string; cause?: string }
    | { neverAnswers: true }
    | { job: { seconds?: number; output?: Json; error?: string; cause?: string } }
  );

export interface AnswerMatch {
  /** The Task's `Resource` ARN. */
  resource: string;
  /** The effective parameters the call must have (after Parameters/Arguments); omit to match any call of `resource`. */
  parameters?: Json;
}

/**
 * A scenario file: the execution input and the answers the outside world gives.
 *
 * @example
 * { "name": "declined card", "input": { "orderId": 7 },
 *   "answers": [ { "resource": "arn:aws:states:::lambda:invoke", "error": "Payment.Declined" } ] }
 */
export interface Scenario {
  name?: string;
  input: Json;
  answers: ScenarioAnswer[];
  /** When the answers for a resource run out, repeat the last one (generated suites); otherwise the call fails with `Statecraft.NoAnswer`. */
  repeatLast?: boolean;
}

/** One call to the outside as observed (what the service receives). */
export interface ObservedCall {
  resource: string;
  /** Effective parameters; the task token is replaced by `"<task token>"`. */
  parameters: Json;
  credentials?: Json;
  /** Milliseconds of virtual time since the execution started. */
  at: number;
  /** The call was made inside a Parallel branch or Map iteration (may interleave with its siblings). */
  concurrent: boolean;
  /** No answer in the scenario matched this call. */
  unanswered?: boolean;
}

/** Everything about one execution that counts as behaviour. */
export interface Observation {
  calls: ObservedCall[];
  /** Seconds each Wait state waited, in order. */
  waits: number[];
  end: { status: string; output?: Json; error?: string; cause?: string; at?: number };
}

/** How many of a kind of element (states, transitions, Choice rules, catchers, retriers) the scenarios reached. */
export interface CoverageCount {
  covered: number;
  total: number;
}

/** Coverage of one version: covered/total per kind, plus what stayed uncovered. */
export interface Coverage {
  states: CoverageCount;
  transitions: CoverageCount;
  choiceRules: CoverageCount;
  catchers: CoverageCount;
  retries: CoverageCount;
  /** What stayed uncovered, e.g. `transition 'Check' → 'Done'`, with why when known. */
  uncovered: string[];
}

/** The first observable difference found, with the (shrunk) scenario that shows it. */
export interface Difference {
  scenario: Scenario;
  before: Observation;
  after: Observation;
  /** One sentence: the first observation that differs. */
  description: string;
  /** Where the scenario came from: `generated`, `scenario file …`, `history …`, `MockConfigFile test case …`. */
  source: string;
  /** A vitest test that reproduces the difference. */
  vitest: string;
}

/** The answer of {@link verifyEquivalence}. */
export interface VerifyReport {
  equivalent: boolean;
  /** Scenarios run (each on both versions). */
  scenarios: number;
  coverage: { before: Coverage; after: Coverage };
  difference?: Difference;
  /** Problems with given scenarios or histories that did not stop the run (a scenario answer matching no call, …). */
  warnings: string[];
  /** The side-by-side HTML report written for the difference (when {@link VerifyOptions.report} was given and there was one). */
  reportFile?: string;
}

/** A recorded execution (AWS GetExecutionHistory output) to replay against `after`. */
export interface HistoryInput {
  /** Shown in messages (a file name). */
  name?: string;
  /** `{events: [...]}`, an array of such pages, or an array of events. */
  history: unknown;
}

/**
 * Options of `verifyEquivalence(before, after, options)`: the scenarios to start from and how far to
 * explore beyond them.
 *
 * @example
 * await verifyEquivalence(before, after, { scenarios, explore: 200, seed: 1, report: 'diff.html' });
 */
export interface VerifyOptions {
  /** Scenarios the user has (scenario files' content). */
  scenarios?: Scenario[];
  /** Recorded AWS histories: the new version must make the same calls and end the same way. */
  histories?: HistoryInput[];
  /** MockConfigFile whose test cases are run as scenarios on both versions. */
  mockConfig?: unknown;
  /** How many generated scenarios at most (default 2000). */
  explore?: number;
  /** Seeds generation (default 1). */
  seed?: number;
  /** A zod schema of the input: generated inputs are drawn to fit it. */
  inputSchema?: { safeParse(value: unknown): { success: boolean } };
  /** The state machine's name (for `$$.StateMachine.Name`, MockConfigFile lookup and messages). */
  name?: string;
  /**
   * A file to write the counterexample to as one self-contained HTML page: both versions' runs of
   * the (shrunk) scenario side by side, each path coloured by outcome. Written only when a
   * difference is found; a write failure becomes a warning.
   */
  report?: string;
  /** How the report names the two versions (default `before` / `after`). */
  labels?: { before: string; after: string };
}
