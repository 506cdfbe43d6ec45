/**
 * Replays a recorded execution (AWS `GetExecutionHistory` JSON, as the CLI or SDK return it,
 * pages concatenated) against a definition: the input, task results and callback answers come
 * from the history; the calls the definition makes and how it ends must match the recording.
 */
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { Json } from '../asl/types';
import { firstDifference, describeCall } from './compare-observations';
import { Side } from './side';
import type { ObservedCall, Observation, Scenario, ScenarioAnswer } from './types';

interface RawEvent {
  id: number;
  previousEventId?: number;
  type: string;
  timestamp?: unknown;
  [key: string]: unknown;
}

/** The events of a history in any of the shapes people save: `{events}`, pages of those, an array of events, or the JSON text of any of these (pages may be concatenated). */
export function historyEvents(history: unknown): RawEvent[] {
  if (typeof history === 'string') return historyEvents(parseConcatenatedJson(history));
  if (Array.isArray(history)) {
    if (history.every((p) => p && typeof p === 'object' && 'events' in p)) return history.flatMap((p) => historyEvents(p));
    return history as RawEvent[];
  }
  if (history && typeof history === 'object' && Array.isArray((history as { events?: unknown }).events)) return (history as { events: RawEvent[] }).events;
  throw new Error('not an execution history: expected GetExecutionHistory output ({"events": [...]}, pages of it, or an array of events).');
}

/** `{…}{…}` or `{…}\n{…}` (pages printed one after another) → their array. */
export function parseConcatenatedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const values: unknown[] = [];
    let depth = 0;
    let start = -1;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') {
        if (depth++ === 0) start = i;
      } else if (c === '}' || c === ']') {
        if (--depth === 0) values.push(JSON.parse(text.slice(start, i + 1)));
      }
    }
    if (values.length === 0) throw new Error('not JSON');
    return values;
  }
}

function details(event: RawEvent): Record<string, unknown> {
  for (const key in event) if (key.endsWith('EventDetails')) return event[key] as Record<string, unknown>;
  return {};
}

function jsonOf(text: unknown): Json {
  if (typeof text !== 'string') return (text ?? null) as Json;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

const time = (e: RawEvent | undefined) => (e?.timestamp === undefined ? 0 : typeof e.timestamp === 'number' ? e.timestamp * (e.timestamp < 1e11 ? 1000 : 1) : new Date(e.timestamp as string).getTime());

const SCHEDULED: Record<string, (d: Record<string, unknown>) => { resource: string; parameters: Json }> = {
  TaskScheduled: (d) => ({ resource: `arn:aws:states:::${d.resourceType}:${d.resource}`, parameters: jsonOf(d.parameters) }),
  LambdaFunctionScheduled: (d) => ({ resource: String(d.resource), parameters: jsonOf(d.input) }),
  ActivityScheduled: (d) => ({ resource: String(d.resource), parameters: jsonOf(d.input) }),
};

/**
 * What a recorded execution did and what it was told, as a scenario plus the recorded observation.
 *
 * @example
 * const { scenario, recorded } = readHistory(readFileSync('history.json', 'utf8'));
 * scenario.input; // the execution input; scenario.answers: the task results and callback answers
 */
export function readHistory(history: unknown): { scenario: Scenario; recorded: Observation } {
  const events = historyEvents(history).slice().sort((a, b) => a.id - b.id);
  const children = new Map<number, RawEvent[]>();
  for (const e of events) {
    const list = children.get(e.previousEventId ?? 0) ?? [];
    list.push(e);
    children.set(e.previousEventId ?? 0, list);
  }
  const byId = new Map(events.map((e) => [e.id, e]));
  const started = events.find((e) => e.type === 'ExecutionStarted');
  if (!started) throw new Error('the history has no ExecutionStarted event (is it complete?).');
  const input = jsonOf(details(started).input);
  const t0 = time(started);
  const calls: ObservedCall[] = [];
  const answers: ScenarioAnswer[] = [];
  for (const e of events) {
    const read = SCHEDULED[e.type];
    if (!read) continue;
    const { resource, parameters } = read(details(e));
    const token = /\.waitForTaskToken$/.test(resource) || e.type === 'ActivityScheduled';
    calls.push({ resource, parameters, at: time(e) - t0, concurrent: false, stateName: enteredName(e, byId) } as ObservedCall);
    const outcome = findOutcome(e, children);
    const match = token ? { resource } : { resource, parameters };
    if (!outcome) continue;
    const d = details(outcome);
    const sync = /\.sync(:2)?$/.test(resource);
    if (/Succeeded$/.test(outcome.type)) {
      answers.push(sync ? { ...match, job: { seconds: Math.max(0, (time(outcome) - time(e)) / 1000), output: jsonOf(d.output) } } : { ...match, result: jsonOf(d.output) });
    } else if (/TimedOut$/.test(outcome.type)) answers.push({ ...match, neverAnswers: true });
    else answers.push({ ...match, error: String(d.error ?? 'States.TaskFailed'), ...(d.cause === undefined ? {} : { cause: String(d.cause) }) });
  }
  const last = events.find((e) => /^Execution(Succeeded|Failed|TimedOut|Aborted)$/.test(e.type));
  const end: Observation['end'] = last ? { status: last.type.replace('Execution', '').toUpperCase().replace('TIMEDOUT', 'TIMED_OUT') } : { status: 'RUNNING' };
  if (last) {
    const d = details(last);
    if (last.type === 'ExecutionSucceeded') end.output = jsonOf(d.output);
    if (d.error !== undefined) end.error = String(d.error);
    if (d.cause !== undefined) end.cause = String(d.cause);
  }
  return { scenario: { name: 'recorded history', input, answers }, recorded: { calls, waits: [], end } };
}

/** The state a scheduled call belongs to (its `…StateEntered` event). */
function enteredName(e: RawEvent, byId: Map<number, RawEvent>): string | undefined {
  for (let p = e.previousEventId ?? 0, steps = 0; p > 0 && steps < 20; steps++) {
    const prev = byId.get(p);
    if (!prev) return undefined;
    if (prev.type.endsWith('StateEntered')) return details(prev).name as string | undefined;
    p = prev.previousEventId ?? 0;
  }
  return undefined;
}

const OUTCOME = /^(Task|LambdaFunction|Activity)(Succeeded|Failed|TimedOut|StartFailed|ScheduleFailed|SubmitFailed)$/;

function findOutcome(scheduled: RawEvent, children: Map<number, RawEvent[]>): RawEvent | undefined {
  const pending = [scheduled];
  for (let steps = 0; pending.length > 0 && steps < 50; steps++) {
    const e = pending.shift()!;
    for (const child of children.get(e.id) ?? []) {
      if (OUTCOME.test(child.type)) return child;
      if (/(Started|Submitted)$/.test(child.type) && !child.type.endsWith('StateStarted')) pending.push(child);
    }
  }
  return undefined;
}

/** One recorded execution history replayed against a definition: the scenario read from it, what was recorded and what the replay did. */
export interface HistoryReplay {
  scenario: Scenario;
  recorded: Observation;
  replayed: Observation;
  difference?: string;
  warnings: string[];
  /** The recorded events (AWS's format) and the replay's history, for the side-by-side report. */
  histories: { recorded: readonly unknown[]; replayed: () => HistoryEvent[] };
}

/**
 * Runs `definition` with a history's input and answers and compares its calls and ending with the
 * recording (times are not compared: recorded ones are real).
 *
 * @example
 * const replay = await replayHistory(JSON.parse(readFileSync('history.json', 'utf8')), newDefinition, 'Orders');
 * if (replay.difference) console.log(replay.difference);
 */
export async function replayHistory(history: unknown, definition: unknown, name: string, type?: 'STANDARD' | 'EXPRESS'): Promise<HistoryReplay> {
  const { scenario, recorded } = readHistory(history);
  const side = new Side('after', definition, name, type);
  const run = await side.run(scenario);
  const replayed = run.observation;
  // Which recorded calls ran in a Parallel branch / Map iteration: by state name when the state still
  // exists, else by whether this definition calls the resource only from such states.
  const tasks = [...side.model.states.values()].filter((s) => s.state.Type === 'Task');
  for (const c of recorded.calls) {
    const name = (c as ObservedCall & { stateName?: string }).stateName;
    const state = name === undefined ? undefined : side.model.states.get(name);
    const same = tasks.filter((t) => (t.state as { Resource: string }).Resource === c.resource);
    c.concurrent = state ? state.concurrent : same.length > 0 && same.every((t) => t.concurrent);
    delete (c as ObservedCall & { stateName?: string }).stateName;
  }
  const warnings = [...run.unused];
  const histories = { recorded: historyEvents(history).slice().sort((a, b) => a.id - b.id), replayed: run.renderedHistory };
  const recordedResources = new Set(recorded.calls.map((c) => c.resource));
  const matched = replayed.calls.filter((c) => !c.unanswered).length;
  if (recorded.calls.length > 0 && matched === 0 && !replayed.calls.some((c) => recordedResources.has(c.resource))) {
    const difference = `the history is of another state machine: it called ${[...recordedResources].join(', ')}; this definition ${replayed.calls.length === 0 ? 'made no call' : `called ${describeCall(replayed.calls[0])}`}.`;
    return { scenario, recorded, replayed, difference, warnings, histories };
  }
  const difference = firstDifference(recorded, { ...replayed, waits: [] }, { timed: false, credentials: false });
  return { scenario, recorded, replayed, difference: difference?.replace(/\bbefore\b/g, 'the recording'), warnings, histories };
}
