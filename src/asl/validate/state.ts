/** One state: its type, its fields (via the matrix in `state-fields.ts`) and cross-field rules. */
import { STATE_TYPES, type QueryLanguage, type State } from '../types';
import { effectiveQueryLanguage } from '../walk';
import { type MachineContext, type StateContext, sinkOf } from './context';
import { childSite, type Site, inState } from './diagnostics';
import { hasOwn, type JsonRecord } from './json-values';
import { checkExclusiveFields, checkFields } from './field-table';
import { EXCLUSIVE_FIELDS, STATE_FIELDS } from './state-fields';

const TRANSITION_TYPES = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);
const WAIT_TIMING_FIELDS = ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'];

/** The state's query language: its own `QueryLanguage`, else the top-level one (never the enclosing state's). */
export function stateLanguage(state: JsonRecord, machineLanguage: QueryLanguage): QueryLanguage {
  return effectiveQueryLanguage(state.QueryLanguage, machineLanguage);
}

export function checkState(machine: MachineContext, site: Site, name: string, state: JsonRecord): void {
  const sink = machine.document.sink;
  const type = state.Type;
  if (typeof type !== 'string' || !(STATE_TYPES as readonly string[]).includes(type)) {
    const allowed = `[${STATE_TYPES.join(', ')}]`;
    if (hasOwn(state, 'Type')) {
      sink.error(
        'INVALID_STATE_TYPE',
        childSite(site, 'Type'),
        `The field 'Type' should have one of these values: ${allowed}${inState(site)}, but was ${JSON.stringify(type)}.`,
        // Recorded (test-state.jsonl, test_state_name_invalid_state_definition): AWS leaves the value out.
        `The field 'Type' should have one of these values: ${allowed}`,
      );
    } else {
      sink.error('MISSING_REQUIRED_FIELD', childSite(site, 'Type'), `The field 'Type' is required but was missing${inState(site)}; use one of ${STATE_TYPES.join(', ')}.`);
    }
    return;
  }
  const ctx: StateContext = { machine, name, state, type, site, language: stateLanguage(state, machine.document.machineLanguage) };
  checkFields(ctx, site, state, STATE_FIELDS[type as State['Type']], `a ${type} state`);
  checkExclusiveFields(ctx, site, state, EXCLUSIVE_FIELDS);
  if (TRANSITION_TYPES.has(type)) checkNextOrEnd(ctx);
  if (type === 'Wait') checkWaitTiming(ctx);
  if (type === 'Map') checkMapProcessorPresent(ctx);
  if (type === 'Task') checkHeartbeatBelowTimeout(ctx);
}

function checkNextOrEnd(ctx: StateContext): void {
  const hasNext = hasOwn(ctx.state, 'Next');
  const ends = ctx.state.End === true;
  if (hasNext && ends) {
    sinkOf(ctx).error('INVALID_TRANSITION', childSite(ctx.site, 'End'), `State '${ctx.name}' has both 'Next' and 'End: true'; a state either continues to 'Next' or ends its workflow — keep one.`);
  } else if (!hasNext && !ends) {
    sinkOf(ctx).error('INVALID_TRANSITION', ctx.site, `State '${ctx.name}' has neither 'Next' nor 'End: true'; add "Next": "<state name>" or "End": true.`);
  }
}

function checkWaitTiming(ctx: StateContext): void {
  const present = WAIT_TIMING_FIELDS.filter((field) => hasOwn(ctx.state, field));
  if (present.length !== 1) {
    sinkOf(ctx).error(
      present.length === 0 ? 'MISSING_REQUIRED_FIELD' : 'MUTUALLY_EXCLUSIVE_FIELDS',
      ctx.site,
      `Wait state '${ctx.name}' must have exactly one of ${WAIT_TIMING_FIELDS.map((f) => `'${f}'`).join(', ')}${present.length ? `, but has ${present.join(', ')}` : ''}.`,
    );
  }
}

function checkMapProcessorPresent(ctx: StateContext): void {
  if (!hasOwn(ctx.state, 'ItemProcessor') && !hasOwn(ctx.state, 'Iterator')) {
    sinkOf(ctx).error('MISSING_REQUIRED_FIELD', childSite(ctx.site, 'ItemProcessor'), `The field 'ItemProcessor' is required but was missing in Map state '${ctx.name}'; give the states each item runs through ({"StartAt": …, "States": {…}}).`);
  }
}

function checkHeartbeatBelowTimeout(ctx: StateContext): void {
  const { TimeoutSeconds: timeout, HeartbeatSeconds: heartbeat } = ctx.state;
  if (typeof timeout === 'number' && typeof heartbeat === 'number' && heartbeat >= timeout) {
    sinkOf(ctx).error('INVALID_FIELD_VALUE', childSite(ctx.site, 'HeartbeatSeconds'), `'HeartbeatSeconds' (${heartbeat}) must be smaller than 'TimeoutSeconds' (${timeout}) in state '${ctx.name}'.`);
  }
}
