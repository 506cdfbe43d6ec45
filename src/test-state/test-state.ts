import type { TestStateInput, TestStateOutput } from '@aws-sdk/client-sfn';
import type { Json, JsonObject, State } from '../asl/types';
import { StepFunctionsApiError } from '../interpreter/callbacks/api-error';
import { parseStartTime, VirtualClock } from '../interpreter/clock';
import { AbortScope } from '../interpreter/engine/abort-scope';
import { prepareDefinition } from '../interpreter/engine/prepare';
import type { ExecutionRuntime, Frame } from '../interpreter/engine/runtime';
import type { StateTestHooks } from '../interpreter/engine/state-test-hooks';
import { StatesError } from '../interpreter/errors';
import { ExecutionHistory } from '../interpreter/history/history';
import { InMemoryS3 } from '../interpreter/map-run-io';
import { seededRandom } from '../interpreter/random/seeded-random';
import { MockTaskDispatcher } from '../interpreter/tasks/task-dispatcher';
import type { TaskMocks } from '../interpreter/tasks/task-mocks';
import { parseJsonField, validationError } from './api-errors';
import { madeUpContext } from './context-object';
import { handleStateError } from './error-outcome';
import { emptyInspection, inspectionData, type Inspection } from './inspection';
import { prepareMapMock } from './map-mock';
import { parseMock, type ParsedMock } from './mock';
import { findStateUnderTest, machineAround, nestedMachines, TESTED_STATE_NAME, type StateUnderTest } from './state-under-test';

/** How {@link testState} runs, besides the request (none is needed). */
export interface TestStateOptions {
  /** The clock's value when the state starts (`$$.Execution.StartTime`, `$now()`); default: now. */
  now?: Date | string | number;
  /** Seeds UUIDs, `States.UUID()`, `$random()` and retry jitter (default 0). */
  seed?: number;
  region?: string;
  accountId?: string;
  /**
   * Answers a Task state tested without `request.mock` (keyed by Resource ARN, or by `StateName`,
   * the name a tested state runs under): TestState on AWS calls the real service, which an
   * offline run cannot.
   */
  mocks?: TaskMocks;
}

/**
 * AWS Step Functions' `TestState` API, offline: runs one state (the definition, or `stateName`
 * in a whole machine) with its input, `variables` and `context`, a `mock` for its work (Task,
 * Map, Parallel) checked against the service's API shape, and `stateConfiguration`
 * (`retrierRetryCount`, `errorCausedByState`, `mapIterationFailureCount`, `mapItemReaderData`).
 * Answers as AWS does: `status` (`SUCCEEDED`, `FAILED`, `CAUGHT_ERROR`, `RETRIABLE`), `output`,
 * `error`/`cause`, `nextState`, and `inspectionData` at `DEBUG`/`TRACE`. Rejects with
 * `StepFunctionsApiError` named as AWS names it (`ValidationException`, `InvalidDefinition`, ...)
 * and worded as AWS words it.
 *
 * @example
 * const answer = await testState({
 *   definition: JSON.stringify({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'FunctionName': 'f' }, End: true }),
 *   input: '{}',
 *   mock: { result: JSON.stringify({ StatusCode: 200, Payload: { ok: true } }) },
 *   inspectionLevel: 'DEBUG',
 * });
 * answer.status; // 'SUCCEEDED'
 * JSON.parse(answer.output!); // { StatusCode: 200, Payload: { ok: true } }
 */
export async function testState(request: TestStateInput, options: TestStateOptions = {}): Promise<TestStateOutput> {
  if (typeof request?.definition !== 'string') {
    throw validationError("1 validation error detected: Value null at 'definition' failed to satisfy constraint: Member must not be null");
  }
  const tested = findStateUnderTest(parseJsonField(request.definition, 'definition'), request.stateName);
  const mock = await parseMock(request, tested.state);
  if (!mock && tested.state.Type === 'Task') {
    // Recorded on AWS; a mock makes the role optional (AWS's TestState guide).
    if (request.roleArn === undefined) throw validationError('RoleArn must be specified when testing a Task state');
    if (!options.mocks) {
      throw validationError('This TestState runs offline and cannot call the service: give the Task state a mock (mock.result or mock.errorOutput).');
    }
  }
  checkErrorCausedByState(tested.state, request, mock);
  const input = (request.input === undefined ? {} : parseJsonField(request.input, 'input')) as Json;
  const variables = request.variables === undefined ? {} : jsonObject(parseJsonField(request.variables, 'variables'), 'variables');
  const context = request.context === undefined ? undefined : jsonObject(parseJsonField(request.context, 'context'), 'context');
  return runStateUnderTest({ request, options, tested, mock, input, variables, context });
}

interface Run {
  request: TestStateInput;
  options: TestStateOptions;
  tested: StateUnderTest;
  mock: ParsedMock | undefined;
  input: Json;
  variables: JsonObject;
  context: JsonObject | undefined;
}

async function runStateUnderTest(run: Run): Promise<TestStateOutput> {
  const { request, options, tested, mock, input } = run;
  const clock = new VirtualClock(startMs(options.now));
  const random = seededRandom(options.seed ?? 0);
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const retryCount = request.stateConfiguration?.retrierRetryCount ?? 0;
  const seen = emptyInspection();
  const context =
    run.context ??
    madeUpContext({ input, roleArn: request.roleArn, stateType: tested.state.Type, retryCount, nowMs: clock.now(), region, accountId, random });
  const hooks: StateTestHooks = {
    context,
    observe: (stage, value) => {
      seen.stages[stage] = value;
    },
    work: mock ? mockedWork(tested, mock, request, seen) : undefined,
  };
  const history = new ExecutionHistory(clock, null, false);
  const runtime: ExecutionRuntime = {
    clock,
    random,
    history,
    tasks: new MockTaskDispatcher([options.mocks]),
    s3: new InMemoryS3({}, { now: () => new Date(clock.now()) }),
    region,
    accountId,
    // Not EXPRESS, though the made-up context names an Express execution: its 5-minute cap would
    // fail a long Wait, whose delay passes at once on the virtual clock here.
    stateMachineType: 'STANDARD',
    executionContext: (context.Execution ?? {}) as JsonObject,
    stateMachineContext: (context.StateMachine ?? {}) as JsonObject,
    stateTest: hooks,
  };
  const frame: Frame = { runtime, history, variables: { ...run.variables }, abort: new AbortScope(), previousEventId: 0 };
  // Retry and Catch are TestState's to apply (one attempt, then RETRIABLE / CAUGHT_ERROR), not the interpreter's loop.
  const { Retry: _retry, Catch: _catch, ...alone } = tested.state as State & { Retry?: unknown; Catch?: unknown };
  const machine = prepareDefinition(machineAround(alone as State, TESTED_STATE_NAME, tested.queryLanguage));
  const runner = machine.states.get(TESTED_STATE_NAME)!;

  let answer: TestStateOutput;
  try {
    const visit = await runner.run(input, frame);
    answer = { status: 'SUCCEEDED', output: JSON.stringify(visit.output) };
    if (visit.next) answer.nextState = visit.next.name;
  } catch (thrown) {
    if (!(thrown instanceof StatesError)) throw thrown instanceof StepFunctionsApiError ? thrown : unexpected(thrown);
    answer = await handleStateError(thrown, { state: tested.state, queryLanguage: tested.queryLanguage, input, retryCount, frame, seen });
  }
  seen.variables = { ...frame.variables };
  const data = inspectionData(request.inspectionLevel, tested.state, tested.queryLanguage, input, seen);
  if (data) answer.inspectionData = data;
  return answer;
}

/** The mock as the state's work: a Task's or Parallel's result (or error), a Map's outcome. */
function mockedWork(tested: StateUnderTest, mock: ParsedMock, request: TestStateInput, seen: Inspection): StateTestHooks['work'] {
  if (tested.state.Type === 'Map') {
    return prepareMapMock(tested.state, tested.queryLanguage === 'JSONata', mock, request.stateConfiguration, seen);
  }
  return () => {
    if (mock.kind === 'error') throw new StatesError(mock.error, mock.cause);
    return mock.result;
  };
}

/** `errorCausedByState` names the state inside the Map (or Parallel) whose failure the mocked error stands for. */
function checkErrorCausedByState(state: State, request: TestStateInput, mock: ParsedMock | undefined): void {
  const name = request.stateConfiguration?.errorCausedByState;
  if (name === undefined) return;
  if (mock?.kind !== 'error') throw validationError('errorCausedByState can only be specified together with mock.errorOutput.');
  const inside = (machines: ReturnType<typeof nestedMachines>): boolean =>
    machines.some((m) => Object.keys(m.States ?? {}).includes(name) || Object.values(m.States ?? {}).some((s) => inside(nestedMachines(s))));
  if (!inside(nestedMachines(state))) throw validationError(`errorCausedByState '${name}' is not a state inside the tested ${state.Type} state.`);
}

function jsonObject(value: unknown, field: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw validationError(`${field} must be a JSON object.`);
  return value as JsonObject;
}

function startMs(now: TestStateOptions['now']): number {
  return now === undefined ? Date.now() : parseStartTime(now);
}

function unexpected(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
