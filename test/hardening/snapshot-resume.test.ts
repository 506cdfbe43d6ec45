/**
 * Snapshot/resume as a property (issue 8: resume refused 126 of 69,000 finished executions and
 * diverged on 12): for random definitions (Pass, Wait, Choice, Tasks with Retry/Catch answered by
 * sync, async and failing mocks, callbacks answered or left to time out, activities that do not
 * exist, Parallel, Map), an execution
 * snapshotted at a random virtual time — running or already finished — and resumed in a new
 * interpreter with the same mocks ends exactly as the uninterrupted run: same result, same history.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Interpreter, neverAnswers, taskFailure, type TaskInvocation, type TaskMocks } from '../../src/interpreter';
import type { Json } from '../../src/asl/types';

const START = '2024-01-01T00:00:00.000Z';
const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:work';

type Step = Record<string, unknown>;

const retry = fc.option(fc.record({ ErrorEquals: fc.constant(['Custom.Error']), MaxAttempts: fc.integer({ min: 0, max: 2 }), IntervalSeconds: fc.integer({ min: 1, max: 5 }) }), { nil: undefined });
const catcher = fc.boolean();

const CALLBACK = 'arn:aws:states:::sqs:sendMessage.waitForTaskToken';
const ACTIVITY = 'arn:aws:states:us-east-1:123456789012:activity:never-created';

/**
 * A Task: a Lambda answered by the mock, a callback (answered by the mock, late, or never: then
 * its timeout), or an activity nobody created (ActivityScheduleFailed).
 */
const task: fc.Arbitrary<Step> = fc.record({ kind: fc.constantFrom('lambda', 'lambda', 'callback', 'activity'), retry, catcher, timeout: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }) }).map(({ kind, retry, catcher, timeout }) => ({
  Type: 'Task',
  Resource: kind === 'activity' ? ACTIVITY : kind === 'callback' ? CALLBACK : LAMBDA,
  ...(kind === 'callback' ? { Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', MessageBody: { 'token.$': '$$.Task.Token' } } } : {}),
  ...(retry ? { Retry: [retry] } : {}),
  ...(catcher ? { Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.caught', Next: '__next__' }] } : {}),
  ...(timeout !== undefined ? { TimeoutSeconds: timeout } : {}),
  ResultPath: '$.result',
}));

const wait = fc.integer({ min: 1, max: 120 }).map((seconds) => ({ Type: 'Wait', Seconds: seconds }));
const pass = fc.constant({ Type: 'Pass', Parameters: { 'n.$': '$.n', 'items.$': '$.items', 'seen.$': '$$.State.Name' } });
const choice = fc.integer({ min: 0, max: 5 }).map((limit) => ({ Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: limit, Next: '__next__' }], Default: '__next__' }));

/** A branch or processor: one to two plain steps ending. */
const inner = fc.array(fc.oneof(wait, task, pass), { minLength: 1, maxLength: 2 }).map((steps) => chain(steps, 'B'));

const parallel = fc.array(inner, { minLength: 1, maxLength: 2 }).map((branches) => ({ Type: 'Parallel', Branches: branches, ResultPath: '$.branches' }));
const map = fc.record({ processor: inner, concurrency: fc.integer({ min: 0, max: 2 }) }).map(({ processor, concurrency }) => ({
  Type: 'Map',
  ItemsPath: '$.items',
  MaxConcurrency: concurrency,
  ItemProcessor: processor,
  ItemSelector: { 'n.$': '$$.Map.Item.Value', 'items.$': '$$.Map.Item.Value' },
  ResultPath: '$.mapped',
}));

/** Names the steps `${prefix}0…`, links each to the next (`__next__` placeholders too), the last ends. */
function chain(steps: Step[], prefix: string): { StartAt: string; States: Record<string, Step> } {
  const states: Record<string, Step> = {};
  steps.forEach((step, i) => {
    const name = `${prefix}${i}`;
    const next = i + 1 < steps.length ? `${prefix}${i + 1}` : undefined;
    const linked = JSON.parse(JSON.stringify(step).replaceAll('"__next__"', JSON.stringify(next ?? `${prefix}End`))) as Step;
    if (linked.Type !== 'Choice') {
      if (next) linked.Next = next;
      else linked.Next = `${prefix}End`;
    }
    states[name] = linked;
  });
  states[`${prefix}End`] = { Type: 'Pass', End: true };
  return { StartAt: `${prefix}0`, States: states };
}

const definition = fc.array(fc.oneof(wait, task, pass, choice, parallel, map), { minLength: 1, maxLength: 4 }).map((steps) => uniqueNames(chain(steps, 'S')));

/** State names are unique across the whole definition: each branch/processor's get a suffix. */
function uniqueNames(machine: { StartAt: string; States: Record<string, Step> }): typeof machine {
  let counter = 0;
  const nested = (child: { StartAt: string; States: Record<string, Step> }) => {
    const k = ++counter;
    const rename = (name: string) => `${name}_${k}`;
    const text = JSON.stringify(child.States).replace(/"(Next|StartAt)":"(B[^"]*)"/g, (_, key, name) => `"${key}":"${rename(name)}"`);
    const states = JSON.parse(text) as Record<string, Step>;
    return { StartAt: rename(child.StartAt), States: Object.fromEntries(Object.entries(states).map(([name, state]) => [rename(name), state])) };
  };
  for (const state of Object.values(machine.States)) {
    if (Array.isArray(state.Branches)) state.Branches = (state.Branches as (typeof machine)[]).map(nested);
    if (state.ItemProcessor) state.ItemProcessor = nested(state.ItemProcessor as typeof machine);
  }
  return machine;
}

/** Deterministic answers by state, call and retry: a value, an async value, or a failure. */
function mocks(seed: number): TaskMocks {
  const answer = (input: Json, invocation: TaskInvocation) => {
    const pick = (seed + invocation.invocationIndex * 7 + invocation.retryCount * 3 + invocation.stateName.length) % 6;
    if (pick === 0) throw taskFailure('Custom.Error', `call ${invocation.invocationIndex}`);
    const value = { call: invocation.invocationIndex, state: invocation.stateName, n: (input as { n?: Json })?.n ?? null };
    if (pick === 5 && invocation.resource.arn === CALLBACK) return neverAnswers();
    return pick === 1 ? Promise.resolve(value) : value;
  };
  return { [LAMBDA]: answer, [CALLBACK]: answer };
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

async function saveAndResume(def: unknown, seed: number, atSeconds: number, items: number[]) {
  const sfn = new Interpreter({ startTime: START, seed });
  const machine = sfn.createStateMachine(def, { name: 'Random' });
  const execution = machine.startExecution({ n: items.length, items }, { mocks: mocks(seed) });
  // The clock moves only when everything else is idle: the timer fires at exactly `atSeconds`.
  await new Promise<void>((resolve) => sfn.clock.setTimer(atSeconds * 1000, resolve));
  const snapshot = JSON.parse(JSON.stringify(execution.snapshot()));
  const result = await execution.result;
  const sfn2 = new Interpreter({ startTime: snapshot.clockNow, seed });
  const resumed = await sfn2.resumeExecution(snapshot, { mocks: mocks(seed) });
  return { result, resumedResult: await resumed.result, history: plain(execution.history()), resumedHistory: plain(resumed.history()), snapshotStatus: snapshot.status as string };
}

describe('snapshot at a random point + resume = run to the end (issue 8)', () => {
  it('for random definitions, mocks and snapshot times', async () => {
    const statuses = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(definition, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 400 }), fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }), async (def, seed, atSeconds, items) => {
        const run = await saveAndResume(def, seed, atSeconds, items);
        statuses.set(run.snapshotStatus, (statuses.get(run.snapshotStatus) ?? 0) + 1);
        expect(run.resumedResult).toEqual(run.result);
        expect(run.resumedHistory).toEqual(run.history);
      }),
      { numRuns: Number(process.env.SNAPSHOT_PROPERTY_RUNS ?? 150), seed: Number(process.env.SNAPSHOT_PROPERTY_SEED ?? 20261204) },
    );
    // Both kinds of snapshot were exercised: mid-run and finished.
    expect(statuses.get('RUNNING')).toBeGreaterThan(0);
    expect([...statuses.keys()].filter((s) => s !== 'RUNNING').length).toBeGreaterThan(0);
  }, 120_000);
});

describe('divergences the property found (issue 8)', () => {
  const callbackTask = { Type: 'Task', Resource: CALLBACK, Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', MessageBody: { 'token.$': '$$.Task.Token' } }, End: true };

  async function resumeAtStart(def: unknown, input: Json, mock: (input: Json, invocation: TaskInvocation) => unknown) {
    const calls: number[] = [];
    const counted = (input: Json, invocation: TaskInvocation) => {
      calls.push(invocation.invocationIndex);
      return mock(input, invocation);
    };
    const sfn = new Interpreter({ startTime: START });
    const execution = sfn.createStateMachine(def, { name: 'M' }).startExecution(input, { mocks: { [CALLBACK]: counted as never } });
    await new Promise<void>((resolve) => sfn.clock.setTimer(0, resolve));
    const snapshot = JSON.parse(JSON.stringify(execution.snapshot()));
    const result = await execution.result;
    const before = calls.length;
    const resumed = await new Interpreter({ startTime: snapshot.clockNow }).resumeExecution(snapshot, { mocks: { [CALLBACK]: counted as never } });
    return { result, resumedResult: await resumed.result, history: plain(execution.history()), resumedHistory: plain(resumed.history()), callsAfterResume: calls.length - before };
  }

  it('a callback its mock never answers is not handed to the resume’s mocks again', async () => {
    const def = { StartAt: 'Each', States: { Each: { Type: 'Map', ItemProcessor: { StartAt: 'Ask', States: { Ask: callbackTask } }, End: true } } };
    // The first item's callback is answered, the second's never: the run ends at the maximum duration.
    const run = await resumeAtStart(def, [1, 2], (_input, invocation) => (invocation.invocationIndex === 0 ? { ok: true } : neverAnswers()));
    expect(run.result).toMatchObject({ status: 'TIMED_OUT' });
    expect(run.callsAfterResume).toBe(0);
    expect(run.resumedResult).toEqual(run.result);
    expect(run.resumedHistory).toEqual(run.history);
  });

  it('a resumed execution that times out names each wait once', async () => {
    const def = { StartAt: 'Both', States: { Both: { Type: 'Parallel', Branches: [{ StartAt: 'Ask', States: { Ask: callbackTask } }], End: true } } };
    const run = await resumeAtStart(def, {}, () => neverAnswers());
    expect(run.result.cause).toMatch(/Still waiting: state 'Ask' waits for SendTaskSuccess\/SendTaskFailure on its task token\.$/);
    expect(run.resumedResult).toEqual(run.result);
  });
});
