/**
 * One version of the workflow, ready to run scenarios: its static model and a state machine on
 * its own interpreter (virtual clock, fixed seed). Each scenario becomes one execution whose
 * outside calls are answered from the scenario and recorded as observations.
 */
import type { Json, StateMachineDefinition, TaskState } from '../asl/types';
import { validateDefinition } from '../asl/validate';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { Interpreter, neverAnswers, syncJob, taskFailure, type StateMachine, type TaskMock, type TaskMocks } from '../interpreter';
import { sleep } from '../interpreter/clock/clock';
import { AnswerBook } from './answer-book';
import { coveredGoals, type Event } from './history-coverage';
import { abstractToken, containsToken } from './json';
import { buildMachineModel, type MachineModel } from './machine-model';
import type { ObservedCall, Observation, Scenario, ScenarioAnswer } from './types';
import { LIMITS } from '../asl/limits';

/** Where the virtual clock of every verify run starts. */
export const VERIFY_START_TIME = '2024-01-01T00:00:00.000Z';
/**
 * A scenario whose answers keep a loop going is stopped after this many outside calls: counted in
 * calls (observable), not history events, so both versions stop at the same point even when one
 * has more Pass/Choice states per round.
 */
const MAX_CALLS = 250;
/** Backstop for loops without any call (AWS's own limit). */
const MAX_EVENTS = LIMITS.historyEvents;

/**
 * A definition that failed validation, named by side, state and field (thrown by `verifyEquivalence`).
 *
 * @example
 * try { await verifyEquivalence(before, after); } catch (e) { if (e instanceof InvalidSideError) console.error(e.side, e.problems); }
 */
export class InvalidSideError extends Error {
  constructor(
    readonly side: string,
    readonly problems: string[],
  ) {
    super(`The ${side} definition is not valid ASL:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'InvalidSideError';
  }
}

export interface ScenarioRun {
  observation: Observation;
  /** Coverage goal keys this run reached. */
  covered: Set<string>;
  /** Warnings about the scenario (answers that matched no call). */
  unused: string[];
  history: Event[];
  /** The same execution's history in AWS's `GetExecutionHistory` format, rendered on demand (for the side-by-side report). */
  renderedHistory: () => HistoryEvent[];
}

export class Side {
  readonly model: MachineModel;
  private readonly interpreter: Interpreter;
  private readonly machine: StateMachine;
  private runs = 0;

  constructor(
    readonly label: string,
    definition: unknown,
    readonly name: string,
    type?: 'STANDARD' | 'EXPRESS',
  ) {
    const problems = validateDefinition(definition, { stateMachineType: type ?? 'STANDARD' }).filter((d) => d.severity === 'error');
    if (problems.length > 0) {
      throw new InvalidSideError(
        label,
        problems.map((d) => `${d.state ? `state '${d.state}'` : 'machine'}${d.field ? `, field ${d.field}` : ''}: ${d.message} (${d.code} at ${d.pointer || '/'})`),
      );
    }
    this.model = buildMachineModel(definition as StateMachineDefinition);
    this.interpreter = new Interpreter({ startTime: VERIFY_START_TIME, seed: 0, maxHistoryEvents: MAX_EVENTS, maxExpressEvents: MAX_EVENTS });
    this.machine = this.interpreter.createStateMachine(definition, { name, type });
  }

  now(): number {
    return this.interpreter.clock.now();
  }

  /** Lets the virtual clock reach `ms` (so both versions start a scenario at the same instant). */
  async advanceTo(ms: number): Promise<void> {
    const now = this.now();
    if (ms > now) await sleep(this.interpreter.clock, ms - now).done;
  }

  async run(scenario: Scenario): Promise<ScenarioRun> {
    const book = new AnswerBook(scenario);
    const calls: ObservedCall[] = [];
    const start = this.now();
    const clock = this.interpreter.clock;
    const model = this.model;
    let stop: (() => void) | undefined;
    const mock: TaskMock = (input, invocation) => {
      if (calls.length >= MAX_CALLS) {
        stop?.();
        return neverAnswers();
      }
      // Any call may carry `$$.Task.Token` (a .sync child gets it too); tokens differ between versions.
      const parameters = containsToken(input, invocation.taskToken) ? abstractToken(input, invocation.taskToken) : input;
      const info = model.states.get(invocation.stateName);
      const call: ObservedCall = { resource: invocation.resource.arn, parameters, at: clock.now() - start, concurrent: info?.concurrent ?? false };
      const credentials = (info?.state as TaskState | undefined)?.Credentials;
      if (credentials !== undefined) call.credentials = credentials as Json;
      calls.push(call);
      const answer = book.answer(call.resource, parameters);
      if (!answer) {
        call.unanswered = true;
        throw taskFailure('Statecraft.NoAnswer', `The scenario has no answer for a call of ${call.resource} with ${JSON.stringify(parameters)}.`);
      }
      return mockAnswer(answer);
    };
    const mocks: TaskMocks = {};
    for (const resource of model.resources) mocks[resource] = mock;
    const execution = this.machine.startExecution(scenario.input, { mocks, name: `verify-${this.runs++}` });
    stop = () => execution.stop('Statecraft.CallLimit', `The scenario was stopped after ${MAX_CALLS} calls to the outside.`);
    const result = await execution.result;
    const history = execution.recordedHistory() as unknown as Event[];
    const covered = new Set<string>();
    coveredGoals(history, model, covered);
    const end: Observation['end'] = { status: result.status, at: clock.now() - start };
    if (result.output !== undefined) end.output = result.output;
    if (result.error !== undefined) end.error = result.error;
    if (result.cause !== undefined) end.cause = result.cause;
    return { observation: { calls, waits: waitsOf(history), end }, covered, unused: book.unused(), history, renderedHistory: () => execution.history() };
  }
}

function mockAnswer(answer: ScenarioAnswer) {
  if ('error' in answer) throw taskFailure(answer.error, answer.cause ?? null);
  if ('neverAnswers' in answer) return neverAnswers();
  if ('job' in answer) return syncJob({ seconds: answer.job.seconds ?? 0, output: answer.job.output, error: answer.job.error, cause: answer.job.cause });
  return answer.result;
}

/** Seconds each Wait state waited, from its entered/exited events. */
function waitsOf(history: Event[]): number[] {
  const waits: number[] = [];
  const enteredAt = new Map<number, number>();
  for (const e of history) {
    if (e.type === 'WaitStateEntered') enteredAt.set(e.id, new Date(e.timestamp).getTime());
    else if (e.type === 'WaitStateExited') {
      const started = enteredAt.get(e.previousEventId);
      if (started !== undefined) waits.push((new Date(e.timestamp).getTime() - started) / 1000);
    }
  }
  return waits;
}
