/**
 * `Retry` and `Catch` (§6): field shapes and bounds, and the `States.ALL` rule (alone in its
 * `ErrorEquals`, and only in the last retrier/catcher).
 */
import { isStatesErrorName } from '../error-names';
import { LIMITS } from '../limits';
import { type StateContext, sinkOf } from './context';
import { childSite, type DiagnosticSink, type Site, inState } from './diagnostics';
import { expectArray, expectInteger, expectNonEmptyArray, expectNumber, expectObject, expectOneOf, expectString } from './field-checks';
import { type JsonRecord } from './json-values';
import { checkFields, type FieldTable } from './field-table';
import { checkJsonataValue, ERROR_OUTPUT_MEMBERS } from './jsonata-values';
import { checkResultPathField } from './paths';
import { checkAssign } from './variables';

type HandlerKind = 'Retry' | 'Catch';

function checkErrorEquals(sink: DiagnosticSink, site: Site, value: unknown): void {
  if (!expectNonEmptyArray(sink, site, value)) return;
  value.forEach((name, index) => {
    const nameSite = childSite(site, index, 'ErrorEquals');
    if (!expectString(sink, nameSite, name)) return;
    if (name === 'States.ALL' && value.length > 1) {
      sink.error('INVALID_ERROR_EQUALS', nameSite, `'States.ALL' must appear alone in 'ErrorEquals'${inState(site)}; remove the other error names (States.ALL already matches them).`);
    }
    if (name.startsWith('States.') && !isStatesErrorName(name)) {
      sink.warning('INVALID_ERROR_EQUALS', nameSite, `'${name}'${inState(site)} is not an error name Step Functions defines; names starting with 'States.' are reserved, so this never matches.`);
    }
  });
}

/** `States.ALL` may only be used by the last retrier/catcher. */
function checkStatesAllIsLast(sink: DiagnosticSink, site: Site, handlers: unknown[], kind: HandlerKind): void {
  handlers.forEach((handler, index) => {
    const errors = (handler as JsonRecord | null)?.ErrorEquals;
    if (index < handlers.length - 1 && Array.isArray(errors) && errors.includes('States.ALL')) {
      sink.error(
        'INVALID_ERROR_EQUALS',
        childSite(childSite(site, index, kind), 'ErrorEquals'),
        `The ${kind === 'Retry' ? 'retrier' : 'catcher'} matching 'States.ALL' must be the last one in '${kind}'${inState(site)}; move it to the end (later ${kind === 'Retry' ? 'retriers' : 'catchers'} could never be reached).`,
      );
    }
  });
}

/**
 * The Spec and DG say "positive integer", but AWS's own editor schema accepts 0; rejecting 0
 * could refuse a definition AWS runs, so 0 is only a warning.
 */
function checkIntervalSeconds(ctx: StateContext, site: Site, value: unknown): void {
  if (expectInteger(sinkOf(ctx), site, value, 0, LIMITS.maxSeconds) && value === 0) {
    sinkOf(ctx).warning('INVALID_FIELD_VALUE', site, `'IntervalSeconds' is 0${inState(site)}; the ASL spec requires a positive integer (retries would follow each other immediately). Use 1 or more.`);
  }
}

const RETRIER_FIELDS: FieldTable = {
  ErrorEquals: { required: true, check: (ctx, s, v) => checkErrorEquals(sinkOf(ctx), s, v) },
  IntervalSeconds: { check: checkIntervalSeconds },
  MaxAttempts: { check: (ctx, s, v) => expectInteger(sinkOf(ctx), s, v, 0, LIMITS.maxSeconds) },
  BackoffRate: { check: (ctx, s, v) => expectNumber(sinkOf(ctx), s, v, 1, Number.POSITIVE_INFINITY) },
  MaxDelaySeconds: { check: (ctx, s, v) => expectInteger(sinkOf(ctx), s, v, 1, LIMITS.maxRetryDelaySeconds) },
  JitterStrategy: { check: (ctx, s, v) => expectOneOf(sinkOf(ctx), s, v, ['FULL', 'NONE']) },
  Comment: { check: (ctx, s, v) => expectString(sinkOf(ctx), s, v) },
};

const CATCHER_FIELDS: FieldTable = {
  ErrorEquals: { required: true, check: (ctx, s, v) => checkErrorEquals(sinkOf(ctx), s, v) },
  Next: { required: true, check: (ctx, s, v) => expectString(sinkOf(ctx), s, v) },
  ResultPath: { language: 'JSONPath', check: (ctx, s, v) => checkResultPathField(sinkOf(ctx), s, v) },
  Output: { language: 'JSONata', check: (ctx, s, v) => checkJsonataValue(sinkOf(ctx), s, v, ERROR_OUTPUT_MEMBERS) },
  // A catcher's Assign lands in the scope that contains the state.
  Assign: { check: (ctx, s, v) => checkAssign(ctx, sinkOf(ctx), s, v, ctx.machine.scope, ERROR_OUTPUT_MEMBERS) },
  Comment: { check: (ctx, s, v) => expectString(sinkOf(ctx), s, v) },
};

function checkHandlers(ctx: StateContext, site: Site, value: unknown, kind: HandlerKind): void {
  const sink = sinkOf(ctx);
  if (!expectArray(sink, site, value)) return;
  value.forEach((handler, index) => {
    const handlerSite = childSite(site, index, kind);
    if (!expectObject(sink, handlerSite, handler)) return;
    checkFields(ctx, handlerSite, handler, kind === 'Retry' ? RETRIER_FIELDS : CATCHER_FIELDS, `a ${kind === 'Retry' ? 'retrier' : 'catcher'} (${handlerSite.pointer})`);
  });
  checkStatesAllIsLast(sink, site, value, kind);
}

export function checkRetry(ctx: StateContext, site: Site, value: unknown): void {
  checkHandlers(ctx, site, value, 'Retry');
}

export function checkCatch(ctx: StateContext, site: Site, value: unknown): void {
  checkHandlers(ctx, site, value, 'Catch');
}
