/**
 * Big history payloads are stored as JSON text, once (issue 8: "a STANDARD loop of 250 KB task
 * results keeps 916 MB"). These tests prove the storage changes nothing a reader sees: the same
 * events, the same parsed values, the same snapshots; and that one value is stored once however
 * many events and answers carry it. Memory itself is measured by test/hardening/memory-loop.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/asl/types';
import type { Clock } from '../../src/interpreter/clock/clock';
import { eventKindCode, EventShape, ExecutionHistory, renderEvent } from '../../src/interpreter/history';
import { withCompactAfterBytes } from '../../src/interpreter/history/history';
import { JsonStore, StoredJson, storedJsonAt } from '../../src/interpreter/history/stored-json';
import { jsonByteSize } from '../../src/interpreter/json/json-size';
import { Interpreter } from '../../src/interpreter';

function manualClock(start: number): Clock {
  let current = start;
  return { now: () => current++, setTimer: () => ({ cancel: () => {} }) };
}

/** A page of records of about `bytes` of JSON (the shape for which text is much smaller than objects). */
function recordsPage(round: number, bytes = 60_000): { round: number; items: Json[] } {
  const items = Array.from({ length: Math.round(bytes / 140) }, (_, i) => ({
    id: round * 10_000 + i,
    name: `Item ${i} of page ${round} — "quoted" \\ ünïcödé 😀`,
    price: ((i * 37) % 10_000) / 100,
    tags: ['new', i % 3 === 0 ? 'sale' : 'regular'],
    active: i % 2 === 0,
    nothing: null,
  }));
  return { round, items };
}

describe('JsonStore', () => {
  it('writes exactly what JSON.stringify writes, whatever the value', () => {
    const store = new JsonStore();
    const shared = recordsPage(1, 5000);
    store.store(shared);
    const dict = Object.assign(Object.create(null) as Record<string, Json>, { a: 1, shared });
    const values: object[] = [
      { a: 1, b: 'two', c: [1, 2, 3], d: null, e: true, f: { g: 'h' } },
      { skipped: undefined, fn: () => 1, kept: 1, inner: { shared } },
      [undefined, () => 1, shared, { shared }, 'x'],
      { when: new Date(0), shared },
      { deep: { deeper: { deepest: { shared } } }, shared },
      { weird: 'quotes " and \\ and \n and \u2028 and \ud83d' },
      dict,
      [],
      {},
      { nan: Number.NaN, inf: Number.POSITIVE_INFINITY, neg: -0 },
    ];
    for (const value of values) expect(store.store(value).text).toBe(JSON.stringify(value));
  });

  it('stores a value once: the same instance for the same value, and its text reused inside the values that hold it', () => {
    const store = new JsonStore();
    const page = recordsPage(7);
    const stored = store.store(page);
    expect(store.store(page)).toBe(stored);
    expect(stored.pieces).toEqual([JSON.stringify(page)]);

    const output = { n: 7, page };
    const outer = store.store(output);
    expect(outer.pieces).toEqual(['{"n":7,"page":', stored.pieces[0], '}']);
    expect(outer.text).toBe(JSON.stringify(output));
    // A Parallel's output (an array of branch results) and a result nested two levels down share it too.
    expect(store.store([page, { deeper: { page } }]).pieces).toEqual(['[', stored.pieces[0], ',{"deeper":{"page":', stored.pieces[0], '}}]']);
    expect(store.store(output).value()).toEqual(output);
  });
});

describe('ExecutionHistory storing payloads as text', () => {
  /** Records the same events with big payloads into `history` (as the interpreter would: sizes measured first). */
  function record(history: ExecutionHistory): void {
    const entered = eventKindCode('TaskStateEntered', EventShape.Entered, 'Fetch');
    const exited = eventKindCode('TaskStateExited', EventShape.Exited, 'Fetch');
    const input = { start: recordsPage(0) };
    jsonByteSize(input);
    history.add('ExecutionStarted', 0, { input, roleArn: 'arn:aws:iam::123456789012:role/r' });
    let state: Json = input;
    for (let round = 1; round <= 5; round++) {
      history.addCompact(entered, history.lastEventId, state);
      history.add('TaskScheduled', history.lastEventId, { resource: 'invoke', resourceType: 'lambda', region: 'us-east-1', parameters: state });
      const result = recordsPage(round);
      jsonByteSize(result);
      history.add('TaskSucceeded', history.lastEventId, { resource: 'invoke', resourceType: 'lambda', output: result });
      state = { round, page: result };
      jsonByteSize(state);
      history.addCompact(exited, history.lastEventId, state, round % 2 ? { last: result, small: round } : undefined);
    }
    history.add('ExecutionSucceeded', history.lastEventId, { output: state });
  }

  it('gives every reader the same events as a history that keeps the values themselves', () => {
    const clock = () => manualClock(Date.parse('2024-01-01T00:00:00Z'));
    const byReference = new ExecutionHistory(clock(), null, true, undefined, Number.POSITIVE_INFINITY);
    const asText = new ExecutionHistory(clock(), null, true, undefined, 0);
    record(byReference);
    record(asText);

    expect(asText.events()).toEqual(byReference.events());
    const parsed = asText.recordedEvents();
    expect(parsed).toEqual(byReference.recordedEvents());
    // Rendering the parsed events again gives the stored text back, character for character.
    expect(parsed.map((event) => renderEvent(event))).toEqual(asText.events());
    // The parsed payloads are parsed when read (and kept by the reader's event once read).
    const succeeded = asText.recordedEvents().find((event) => event.type === 'TaskSucceeded')!;
    expect(Object.getOwnPropertyDescriptor(succeeded.details, 'output')?.get).toBeTypeOf('function');
    expect(succeeded.details!.output).toBe(succeeded.details!.output);
  });

  it('gives the events that carry one value the same text', () => {
    const history = new ExecutionHistory(manualClock(0), null, true, undefined, 0);
    record(history);
    const events = history.events();
    const exited = events.filter((event) => event.type === 'TaskStateExited');
    const entered = events.filter((event) => event.type === 'TaskStateEntered');
    // The output of round k is the input of round k+1, and the last one is the execution's output.
    expect(entered[1].stateEnteredEventDetails!.input).toBe(exited[0].stateExitedEventDetails!.output);
    expect(events.at(-1)!.executionSucceededEventDetails!.output).toBe(exited.at(-1)!.stateExitedEventDetails!.output);
  });
});

describe('an execution whose big results pass the point where its history stores them as text', () => {
  // 22 rounds of 20 KB results (each measured as the result and as the state output holding it)
  // pass the 256 KiB this test sets in place of the default 8 MiB (withCompactAfterBytes).
  const rounds = 22;
  const definition = {
    StartAt: 'Init',
    States: {
      Init: { Type: 'Pass', Result: 0, ResultPath: '$.n', Next: 'Fetch' },
      Fetch: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:fetch', ResultPath: '$.page', Assign: { 'previous.$': '$' }, Next: 'Count' },
      Count: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)', 'last.$': '$.page.items[0]' }, Next: 'More?' },
      'More?': { Type: 'Choice', Choices: [{ Variable: '$.n', NumericLessThan: rounds, Next: 'Fetch' }], Default: 'Done' },
      Done: { Type: 'Succeed' },
    },
  };

  it('records, renders, snapshots and resumes exactly as the values say', async () => {
    const sfn = new Interpreter();
    const machine = sfn.createStateMachine(definition, { name: 'BigPages' });
    let call = 0;
    const pages: Json[] = [];
    const execution = withCompactAfterBytes(256 * 1024, () => machine.startExecution({}, {
      mocks: {
        Fetch: () => {
          const page = recordsPage(call++, 20_000);
          pages.push(page);
          return page;
        },
      },
    }));
    const result = await execution.result;
    expect(result.status, result.cause).toBe('SUCCEEDED');

    // The history switched to text (the later answers and events are stored so) ...
    const answers = execution.recordedAnswers();
    const lastAnswer = answers.at(-1) as { outcome: object };
    expect(storedJsonAt(lastAnswer.outcome, 'value')).toBeInstanceOf(StoredJson);
    const recorded = execution.recordedHistory();
    const lastSucceeded = recorded.filter((event) => event.type === 'LambdaFunctionSucceeded').at(-1)!;
    expect(Object.getOwnPropertyDescriptor(lastSucceeded.details, 'output')?.get).toBeTypeOf('function');

    // ... and every reader still sees the values: rendered text = the parsed values' JSON, answers = the mock's results.
    const rendered = execution.history();
    const succeeded = rendered.filter((event) => event.type === 'LambdaFunctionSucceeded');
    expect(succeeded.map((event) => event.lambdaFunctionSucceededEventDetails!.output)).toEqual(pages.map((page) => JSON.stringify(page)));
    const exited = rendered.filter((event) => event.type === 'TaskStateExited');
    const exitedRecorded = recorded.filter((event) => event.type === 'TaskStateExited');
    expect(exited.map((event) => event.stateExitedEventDetails!.output)).toEqual(exitedRecorded.map((event) => JSON.stringify(event.details!.output)));
    // (Big values compared as their JSON text: the same check as toEqual here, much faster.)
    const asPages = JSON.stringify(pages);
    expect(JSON.stringify(exitedRecorded.map((event) => (event.details!.output as { page: Json }).page))).toBe(asPages);
    expect(JSON.stringify(recorded.filter((event) => event.type === 'LambdaFunctionSucceeded').map((event) => event.details!.output))).toBe(asPages);
    expect(JSON.stringify(answers.map((answer) => (answer as { outcome: { value: Json } }).outcome.value))).toBe(asPages);
    const assigned = recorded.filter((event) => event.type === 'TaskStateExited' && event.details?.assignedVariables);
    expect(JSON.stringify(assigned.map((event) => event.details!.assignedVariables!.previous))).toBe(asPages);

    // A snapshot holds the same history and answers as plain JSON, and resuming it replays to the same history.
    const snapshot = execution.snapshot();
    expect(JSON.stringify(snapshot.history)).toBe(JSON.stringify(rendered));
    expect(JSON.stringify(snapshot.answers)).toBe(JSON.stringify(answers));
    const resumed = await new Interpreter().resumeExecution(JSON.parse(JSON.stringify(snapshot)));
    expect(JSON.stringify(resumed.history())).toBe(JSON.stringify(rendered));
  });
});
