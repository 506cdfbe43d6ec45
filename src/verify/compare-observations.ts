/**
 * What counts as "the same behaviour": the ending (status, output, error, cause), every outside
 * call in order (resource, effective parameters, credentials, virtual time), Wait durations.
 * Calls made inside Parallel branches or Map iterations may interleave differently, so each run of
 * consecutive such calls is compared as a multiset.
 */
import { canonical, jsonMatches } from './json';
import type { ObservedCall, Observation } from './types';

/** Errors the interpreter raises for data the definition cannot process: both versions rejecting the input counts as the same. */
const DATA_ERRORS = new Set(['States.Runtime', 'States.QueryEvaluationError']);

/** Causes name states and event ids, which are not behaviour. */
export function normaliseCause(cause: string | undefined): string | undefined {
  return cause?.replace(/state '[^']*'/g, "state '…'").replace(/event id #\d+/g, 'event id #…');
}

type Segment = { concurrent: false; call: ObservedCall } | { concurrent: true; calls: ObservedCall[] };

function segments(calls: ObservedCall[]): Segment[] {
  const out: Segment[] = [];
  for (const call of calls) {
    const last = out[out.length - 1];
    if (call.concurrent && last?.concurrent) last.calls.push(call);
    else out.push(call.concurrent ? { concurrent: true, calls: [call] } : { concurrent: false, call });
  }
  for (const s of out) if (s.concurrent) s.calls.sort((a, b) => (callKey(a) < callKey(b) ? -1 : 1));
  return out;
}

const callKey = (c: ObservedCall) => `${c.resource} ${canonical(c.parameters)} ${canonical(c.credentials)} ${c.at}`;

export function describeCall(c: ObservedCall): string {
  const at = c.at > 0 ? ` at +${c.at / 1000}s` : '';
  return `${c.resource} with ${JSON.stringify(c.parameters)}${c.credentials === undefined ? '' : ` (credentials ${JSON.stringify(c.credentials)})`}${at}`;
}

function callsEqual(a: ObservedCall, b: ObservedCall, timed: boolean): boolean {
  return a.resource === b.resource && jsonMatches(a.parameters, b.parameters) && canonical(a.credentials) === canonical(b.credentials) && (!timed || a.at === b.at);
}

function subMultiset(small: ObservedCall[], big: ObservedCall[], timed: boolean): boolean {
  const left = big.slice();
  for (const c of small) {
    const i = left.findIndex((d) => callsEqual(c, d, timed));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

export interface CompareOptions {
  /** Compare virtual times of calls and the ending (off for real recorded histories). */
  timed?: boolean;
  /** Compare credentials (off when one side is a recorded history, which may not show them). */
  credentials?: boolean;
}

/** The first difference between two observations, as a sentence; `undefined` when they are the same. */
export function firstDifference(before: Observation, after: Observation, options: CompareOptions = {}): string | undefined {
  const timed = options.timed ?? true;
  const strip = (c: ObservedCall): ObservedCall => (options.credentials === false ? { ...c, credentials: undefined } : c);
  const a = segments(before.calls.map(strip));
  const b = segments(after.calls.map(strip));
  // When a branch or iteration fails, how far its siblings got before they were stopped is a race
  // (on AWS as here); so when both executions failed, one version's calls in such a run may be a
  // sub-multiset of the other's.
  const bothFailed = before.end.status !== 'SUCCEEDED' && after.end.status !== 'SUCCEEDED';
  let index = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (bothFailed && (x?.concurrent || x === undefined) && (y?.concurrent || y === undefined)) {
      const xc = x?.concurrent ? x.calls : [];
      const yc = y?.concurrent ? y.calls : [];
      if (subMultiset(xc, yc, timed) || subMultiset(yc, xc, timed)) {
        index += Math.max(xc.length, yc.length);
        continue;
      }
    }
    const xs = x === undefined ? [] : x.concurrent ? x.calls : [x.call];
    const ys = y === undefined ? [] : y.concurrent ? y.calls : [y.call];
    for (let j = 0; j < Math.max(xs.length, ys.length); j++) {
      const p = xs[j];
      const q = ys[j];
      index++;
      if (p && q && callsEqual(p, q, timed)) continue;
      if (p && !q) return `call #${index}: before called ${describeCall(p)}; after made no such call.`;
      if (!p && q) return `call #${index}: after called ${describeCall(q)}; before made no such call.`;
      return `call #${index}: before called ${describeCall(p!)}; after called ${describeCall(q!)}.`;
    }
  }
  if (canonical(before.waits) !== canonical(after.waits)) {
    return `Wait durations differ: before waited ${JSON.stringify(before.waits)} s, after ${JSON.stringify(after.waits)} s.`;
  }
  return endDifference(before.end, after.end, timed);
}

function endDifference(x: Observation['end'], y: Observation['end'], timed: boolean): string | undefined {
  if (x.status !== y.status) return `before ended ${describeEnd(x)}; after ended ${describeEnd(y)}.`;
  if (x.status === 'SUCCEEDED') {
    if (!jsonMatches(x.output ?? null, y.output ?? null)) return `both succeeded, but before output ${JSON.stringify(x.output)} and after ${JSON.stringify(y.output)}.`;
  } else {
    const dataError = DATA_ERRORS.has(x.error ?? '') && DATA_ERRORS.has(y.error ?? '');
    if (!dataError && (x.error !== y.error || normaliseCause(x.cause) !== normaliseCause(y.cause))) {
      return `before ended ${describeEnd(x)}; after ended ${describeEnd(y)}.`;
    }
  }
  if (timed && x.at !== undefined && y.at !== undefined && x.at !== y.at) return `before ended after ${x.at / 1000} s of virtual time, after after ${y.at / 1000} s.`;
  return undefined;
}

export function describeEnd(end: Observation['end']): string {
  if (end.status === 'SUCCEEDED') return `SUCCEEDED with output ${JSON.stringify(end.output)}`;
  return `${end.status}${end.error === undefined ? '' : ` with error ${end.error}`}${end.cause === undefined ? '' : ` (cause: ${JSON.stringify(end.cause)})`}`;
}
