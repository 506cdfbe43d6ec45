import type { Json } from '../../asl/types';
import { toStatesError } from '../errors';
import { isSyncJob } from '../jobs/sync-job';
import { exceedsPayloadLimit } from '../json/json-size';
import { toJsonValue } from '../json/to-json-value';
import type { TaskDispatcher } from '../tasks/task-dispatcher';
import { answersAsWritten, isNeverAnswers, resultAsWritten, type TaskMock, type TaskMocks } from '../tasks/task-mocks';
import type { TaskTarget } from '../tasks/task-target';
import type { MockHintStyle } from '../tasks/missing-mock-hint';
import type { ExecutionAnswer, MockAnswer, MockOutcome } from './snapshot-format';
import type { JsonStore } from '../history/stored-json';
import { keptJson } from './kept-answers';
import type { Clock } from '../clock/clock';
import { formatTimestamp } from '../clock/timestamp';

/**
 * A task dispatcher that records, per Task attempt (state name + how many attempts of that state
 * came before), whether a mock answered it and what it answered. A mock's promise is observed
 * on the side, never wrapped, so recording does not change when the answer arrives.
 */
export class RecordingTaskDispatcher implements TaskDispatcher {
  private readonly calls = new Map<string, number>();

  constructor(
    private readonly inner: TaskDispatcher,
    private readonly entries: ExecutionAnswer[],
    /** The execution's clock: when an async answer arrives later than its call, the time is recorded. */
    private readonly clock: Clock,
    /** Where big answers are kept as text, once the execution's history stores its payloads so. */
    private readonly store: () => JsonStore | undefined,
  ) {}

  get childMocks(): readonly TaskMocks[] | undefined {
    return this.inner.childMocks;
  }

  resolve(stateName: string, resource: TaskTarget): TaskMock | undefined {
    const call = this.calls.get(stateName) ?? 0;
    this.calls.set(stateName, call + 1);
    const mock = this.inner.resolve(stateName, resource);
    if (!mock) return undefined;
    const entry: MockAnswer = { kind: 'mock', state: stateName, call };
    if (answersAsWritten(mock)) entry.asWritten = true;
    this.entries.push(entry);
    const recorded: TaskMock = (input, invocation) => {
      let answer;
      try {
        answer = mock(input, invocation);
      } catch (thrown) {
        entry.outcome = thrownOutcome(thrown);
        throw thrown;
      }
      if (answer instanceof Promise) {
        entry.async = true;
        const calledAt = this.clock.now();
        const arrived = () => {
          const now = this.clock.now();
          if (now > calledAt) entry.at = formatTimestamp(now);
        };
        answer.then(
          (value) => {
            arrived();
            entry.outcome = this.kept(answerOutcome(ownedJson(value)));
          },
          (thrown) => {
            arrived();
            entry.outcome = thrownOutcome(thrown);
          },
        );
        return answer;
      }
      // The log and the run share one copy: a mock that changes the object it returned (and
      // returns it again) changes neither what was recorded nor what the history says.
      const owned = ownedJson(answer);
      entry.outcome = this.kept(answerOutcome(owned));
      return owned;
    };
    return entry.asWritten ? resultAsWritten(recorded) : recorded;
  }

  /** A mock's JSON result, kept as text when big (the history keeps the same text for its TaskSucceeded). */
  private kept(outcome: MockOutcome): MockOutcome {
    if ('value' in outcome) keptJson(this.store(), outcome, 'value');
    return outcome;
  }

  nextInvocationIndex(stateName: string): number {
    return this.inner.nextInvocationIndex(stateName);
  }

  get mockHintStyle(): MockHintStyle | undefined {
    return this.inner.mockHintStyle;
  }

  missingMockHint(stateName: string, resource: TaskTarget): string | undefined {
    return this.inner.missingMockHint?.(stateName, resource);
  }
}

/** A plain JSON answer as the interpreter's own copy ({@link toJsonValue}); anything else (a sync job, `neverAnswers`, non-JSON) as it is. */
function ownedJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null || isNeverAnswers(value) || isSyncJob(value)) return value;
  const json = toJsonValue(value, true);
  return 'value' in json ? (json.value as T) : value;
}

function answerOutcome(value: unknown): MockOutcome {
  if (value === undefined) return { returnedUndefined: true };
  if (isNeverAnswers(value)) return { neverAnswers: true };
  if (isSyncJob(value)) {
    const job: Extract<MockOutcome, { syncJob: unknown }>['syncJob'] = {};
    if (value.seconds !== undefined) job.seconds = value.seconds;
    if (value.output !== undefined) job.output = value.output;
    if (value.error !== undefined) job.error = value.error;
    if (value.cause !== undefined) job.cause = value.cause;
    if (value.runsForever) job.runsForever = true;
    return { syncJob: job };
  }
  if (overPayloadLimit(value)) return { overLimit: true };
  return { value: value as Json };
}

/** A JSON value the interpreter will reject for its size (what it does with a non-JSON one differs: kept as is). */
function overPayloadLimit(value: unknown): boolean {
  if (value === null || (typeof value !== 'object' && typeof value !== 'string')) return false;
  try {
    if (!exceedsPayloadLimit(value as Json)) return false;
  } catch {
    return false;
  }
  const json = toJsonValue(value);
  return 'value' in json && exceedsPayloadLimit(json.value);
}

function thrownOutcome(thrown: unknown): MockOutcome {
  const error = toStatesError(thrown);
  // An absent cause and a null one differ in a Catcher's output (`Cause` omitted vs null).
  return error.cause === undefined ? { error: error.error } : { error: error.error, cause: error.cause };
}
