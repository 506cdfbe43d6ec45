/**
 * The run model packed for the page: payload strings de-duplicated in one table and cut to a
 * readable size, visits and events as short records and columns, so that a run with 10,000 Map
 * iterations stays a file of a few MB that the browser parses in milliseconds.
 */
import type { StateMachineDefinition, State } from '../../asl/types';
import { childMachinesOf } from '../states';
import type { RunModel, Visit } from './run-model';

/** Payloads longer than this are cut in the report (the size is shown). */
export const MAX_PAYLOAD_CHARS = 4096;

const OUTCOMES = ['succeeded', 'retried', 'caught', 'failed', 'running'] as const;
const ITERATION_STATUS = ['running', 'succeeded', 'failed', 'aborted'] as const;

/** One visit as the page reads it (`-1` / absent = none; numbers in `i`, `o`, … index `strings`). */
export interface PackedVisit {
  n: number;
  it?: number[];
  a: number;
  x?: number;
  i?: number;
  o?: number;
  r: number;
  e?: number;
  c?: number;
  at?: [number, number, number, number][];
  p?: number;
  v?: number;
  len?: number;
  its?: number[];
}

export interface RunData {
  title: string;
  status: RunModel['status'];
  startTime: string;
  endTime?: number;
  input?: number;
  output?: number;
  error?: number;
  cause?: number;
  strings: string[];
  names: string[];
  /** Per state name index: its ASL type, its Fail `Error`/`Cause` (string refs) and, inside a Parallel, its branch number. */
  states: { t: string; b?: number; fe?: number; fc?: number }[];
  outcomes: readonly string[];
  iterationStatus: readonly string[];
  /**
   * Visits by column (the page turns them back into {@link PackedVisit} records): `n`, `a`, `r` for
   * every visit; `x`, `i`, `o`, `p` with -1 for none; `it` with 0 for none, else the iteration path
   * (a number for one level, an array for nested Maps) plus one; the rarer fields in `extra` by visit index.
   */
  visits: { n: number[]; a: number[]; r: number[]; x: number[]; i: number[]; o: number[]; p: number[]; it: (number | number[])[]; extra: Record<number, Partial<PackedVisit>> };
  events: { types: string[]; type: number[]; dt: number[]; visit: number[] };
}

/** Packs `model` (of an execution of `definition`) for the run view's script. */
export function packRunData(definition: StateMachineDefinition, model: RunModel, title: string): RunData {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const ref = (text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const cut = text.length > MAX_PAYLOAD_CHARS ? `${text.slice(0, MAX_PAYLOAD_CHARS)}… (${text.length} characters, cut)` : text;
    let index = stringIndex.get(cut);
    if (index === undefined) {
      index = strings.length;
      strings.push(cut);
      stringIndex.set(cut, index);
    }
    return index;
  };
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const states: RunData['states'] = [];
  collectStates(definition, undefined, (name, state, branch) => {
    nameIndex.set(name, names.length);
    names.push(name);
    const entry: RunData['states'][number] = { t: state.Type };
    if (branch !== undefined) entry.b = branch;
    if (state.Type === 'Fail') {
      const error = ref(state.Error);
      const cause = ref(state.Cause);
      if (error !== undefined) entry.fe = error;
      if (cause !== undefined) entry.fc = cause;
    }
    states.push(entry);
  });
  const nameOf = (name: string): number => {
    let index = nameIndex.get(name);
    if (index === undefined) {
      index = names.length;
      names.push(name);
      nameIndex.set(name, index);
      states.push({ t: '' });
    }
    return index;
  };
  const visits = columns(model.visits.map((visit) => packVisit(visit, nameOf, ref)));
  const types: string[] = [];
  const typeIndex = new Map<string, number>();
  const events: RunData['events'] = { types, type: [], dt: [], visit: [] };
  let last = model.startTime;
  model.events.forEach((event, index) => {
    const type = String(event.type);
    let code = typeIndex.get(type);
    if (code === undefined) {
      code = types.length;
      types.push(type);
      typeIndex.set(type, code);
    }
    const at = new Date(event.timestamp as Date | string).getTime();
    events.type.push(code);
    events.dt.push(at - last);
    last = at;
    events.visit.push(model.eventVisit[index]?.index ?? -1);
  });
  return {
    title,
    status: model.status,
    startTime: new Date(model.startTime).toISOString(),
    ...(model.endTime !== undefined ? { endTime: model.endTime } : {}),
    ...optional({ input: ref(model.input), output: ref(model.output), error: ref(model.error), cause: ref(model.cause) }),
    strings,
    names,
    states,
    outcomes: OUTCOMES,
    iterationStatus: ITERATION_STATUS,
    visits,
    events,
  };
}

function columns(visits: PackedVisit[]): RunData['visits'] {
  const packed: RunData['visits'] = { n: [], a: [], r: [], x: [], i: [], o: [], p: [], it: [], extra: {} };
  visits.forEach((visit, index) => {
    const { n, a, r, x, i, o, p, it, ...rest } = visit;
    packed.n.push(n);
    packed.a.push(a);
    packed.r.push(r);
    packed.x.push(x ?? -1);
    packed.i.push(i ?? -1);
    packed.o.push(o ?? -1);
    packed.p.push(p ?? -1);
    packed.it.push(it === undefined ? 0 : it.length === 1 ? it[0] + 1 : it.map((k) => k + 1));
    if (Object.keys(rest).length > 0) packed.extra[index] = rest;
  });
  return packed;
}

function packVisit(visit: Visit, nameOf: (name: string) => number, ref: (text: string | undefined) => number | undefined): PackedVisit {
  const packed: PackedVisit = { n: nameOf(visit.name), a: visit.enteredAt, r: OUTCOMES.indexOf(visit.outcome) };
  if (visit.iteration.length > 0) packed.it = visit.iteration;
  if (visit.exitedAt !== undefined) packed.x = visit.exitedAt;
  Object.assign(packed, optional({ i: ref(visit.input), o: ref(visit.output), e: ref(visit.error), c: ref(visit.cause) }));
  if (visit.attempts.length > 0) {
    packed.at = visit.attempts.map((a) => [ref(a.parameters) ?? -1, ref(a.output) ?? -1, ref(a.error) ?? -1, ref(a.cause) ?? -1]);
  }
  if (visit.parent) packed.p = visit.parent.index;
  if (visit.assignedVariables) packed.v = ref(JSON.stringify(Object.fromEntries(Object.entries(visit.assignedVariables).map(([k, v]) => [k, safeParse(v)]))));
  if (visit.length !== undefined) packed.len = visit.length;
  if (visit.iterations) packed.its = [...visit.iterations].flatMap(([index, status]) => [index, ITERATION_STATUS.indexOf(status)]);
  return packed;
}

/** Every state in definition order, with its Parallel branch number (1-based) when inside one. */
function collectStates(machine: { States?: Record<string, State> }, branch: number | undefined, visit: (name: string, state: State, branch: number | undefined) => void): void {
  if (!machine.States || typeof machine.States !== 'object') return;
  for (const [name, state] of Object.entries(machine.States)) {
    if (!state || typeof state !== 'object') continue;
    visit(name, state, branch);
    childMachinesOf(state).forEach((child, index) => collectStates(child, state.Type === 'Parallel' ? index + 1 : branch, visit));
  }
}

function optional<T extends Record<string, number | undefined>>(fields: T): Partial<Record<keyof T, number>> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, number>>;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
