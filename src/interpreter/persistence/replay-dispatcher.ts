import { LIMITS } from '../../asl/limits';
import { StatesError } from '../errors';
import { syncJob } from '../jobs/sync-job';
import type { TaskDispatcher } from '../tasks/task-dispatcher';
import { neverAnswers, resultAsWritten, type TaskAnswer, type TaskMock, type TaskMocks } from '../tasks/task-mocks';
import type { TaskTarget } from '../tasks/task-target';
import type { MockHintStyle } from '../tasks/missing-mock-hint';
import { sleep, type Clock } from '../clock/clock';
import type { ReplaySession } from './replay-session';
import type { ExecutionAnswer, MockAnswer, MockOutcome } from './snapshot-format';

/**
 * The task dispatcher of a resumed execution. While replaying, each Task attempt gets what its
 * mock answered the first time (same state, same attempt number): no mock if it had none, the
 * recorded answer if it had one, and, if that mock had not answered by the snapshot, the mock
 * given at resume once the execution is live. Live, it is the resume's mocks (then the
 * interpreter's).
 */
export class ReplayTaskDispatcher implements TaskDispatcher {
  private readonly calls = new Map<string, number>();
  private readonly recorded = new Map<string, MockAnswer>();
  /**
   * Task tokens of the attempts a mock answered (from the recording, or live for an attempt
   * pending at the snapshot): a callback among them already has its answer, even if that answer
   * is "never" — the resume's mocks must not be asked again for it.
   */
  readonly mockedTokens = new Set<string>();
  /** Recorded attempts the replay has reached again (each is reached once). */
  private reached = 0;
  /**
   * Set once every recorded answer was delivered again: a later attempt was not made before the
   * snapshot (it is new, not one that had no mock), so the resume's mocks answer it.
   */
  pastRecording = false;

  constructor(
    private readonly live: TaskDispatcher,
    answers: readonly ExecutionAnswer[],
    private readonly session: ReplaySession,
    /** The replay's clock: an async answer that arrived later than its call arrives at that time again. */
    private readonly clock: Clock,
  ) {
    for (const answer of answers) if (answer.kind === 'mock') this.recorded.set(attemptKey(answer.state, answer.call), answer);
  }

  get childMocks(): readonly TaskMocks[] | undefined {
    return this.live.childMocks;
  }

  resolve(stateName: string, resource: TaskTarget): TaskMock | undefined {
    const call = this.calls.get(stateName) ?? 0;
    this.calls.set(stateName, call + 1);
    if (!this.session.replaying) return this.live.resolve(stateName, resource);
    const recorded = this.recorded.get(attemptKey(stateName, call));
    if (!recorded) return this.pastRecording ? this.live.resolve(stateName, resource) : undefined;
    this.reached++;
    const { outcome } = recorded;
    if (outcome === undefined) return this.answeredLive(stateName, resource);
    const replay: TaskMock = (_input, invocation) => {
      this.mockedTokens.add(invocation.taskToken);
      if (!recorded.async) return replayOutcome(outcome);
      const delayMs = recorded.at === undefined ? 0 : Date.parse(recorded.at) - this.clock.now();
      return delayMs > 0 ? sleep(this.clock, delayMs).done.then(() => replayOutcome(outcome)) : settledPromise(outcome);
    };
    return recorded.asWritten ? resultAsWritten(replay) : replay;
  }

  /**
   * How many recorded attempts the replay has not reached yet. A journal keeps mock answers but no
   * history: until each is reached again, the replay is not where the execution was (a retry's
   * answer, say, lies behind a backoff timer that had fired).
   */
  get unreached(): number {
    return this.recorded.size - this.reached;
  }

  nextInvocationIndex(stateName: string): number {
    return this.live.nextInvocationIndex(stateName);
  }

  get mockHintStyle(): MockHintStyle | undefined {
    return this.live.mockHintStyle;
  }

  missingMockHint(stateName: string, resource: TaskTarget): string | undefined {
    return this.live.missingMockHint?.(stateName, resource);
  }

  /** An attempt whose mock had not answered by the snapshot: the resume's mock answers it once live. */
  private answeredLive(stateName: string, resource: TaskTarget): TaskMock {
    return (input, invocation) => {
      this.mockedTokens.add(invocation.taskToken);
      return this.session.whenLive.then(() => {
        const mock = this.live.resolve(stateName, resource);
        if (mock) return mock(input, invocation);
        // A callback or activity can still be answered by token; a job waits for its timeout.
        if (resource.pattern !== 'request-response') return neverAnswers();
        throw new StatesError(
          'States.Runtime',
          `Task state '${stateName}' had not been answered when the execution was saved, and no mock answers it after resume; pass one to resumeExecution(snapshot, { mocks: { '${stateName}': ... } }).`,
        );
      });
    };
  }
}

function attemptKey(stateName: string, call: number): string {
  return `${call}\u0000${stateName}`;
}

/** What an `async` mock returns when it answers without awaiting: an already settled promise. */
function settledPromise(outcome: MockOutcome): Promise<TaskAnswer> {
  try {
    return Promise.resolve(replayOutcome(outcome));
  } catch (thrown) {
    return Promise.reject(thrown);
  }
}

/** A result just over the payload limit (its content never mattered: the task failed for its size). */
function overLimitValue(): string {
  return 'x'.repeat(LIMITS.payloadBytes + 1);
}

function replayOutcome(outcome: MockOutcome): TaskAnswer {
  if ('value' in outcome) return outcome.value;
  if ('returnedUndefined' in outcome) return undefined as unknown as TaskAnswer;
  if ('neverAnswers' in outcome) return neverAnswers();
  if ('syncJob' in outcome) return syncJob(outcome.syncJob);
  if ('overLimit' in outcome) return overLimitValue();
  throw outcome.cause === undefined ? new StatesError(outcome.error) : new StatesError(outcome.error, outcome.cause);
}
