/**
 * The per-state field matrix (§1.3, §1.4): which fields each state type accepts, in which query
 * language, and how each value is checked. Built from shared groups so every state type with,
 * say, `Retry` checks it the same way.
 */
import { isJsonataExpression, type StatesMember } from '../jsonata-syntax';
import { type StateContext, sinkOf } from './context';
import { childSite, type Site, inState } from './diagnostics';
import { expectBoolean, expectObject, expectOneOf, expectString, wrongType } from './field-checks';
import { LIMITS } from '../limits';
import type { FieldRule, FieldTable } from './field-table';
import type { State } from '../types';
import { parseIntrinsicOrProblem } from './intrinsic-calls';
import { hasOwn } from './json-values';
import { checkJsonataValue, checkNumberOrJsonata, INPUT_MEMBERS, RESULT_MEMBERS } from './jsonata-values';
import { checkItemBatcher, checkItemReader, checkLabel, checkResultWriter } from './map-config';
import { checkBranches, checkItemProcessor, checkIterator } from './nested-machines';
import { checkNullablePathField, checkPathField, checkResultPathField } from './paths';
import { checkDynamicValue, checkParametersField, checkPayloadTemplateField } from './payload-template';
import { checkRetry, checkCatch } from './retry-catch';
import { checkChoices } from './choice-rules';
import { checkTaskResource } from './task-resource';
import { isRfc3339Timestamp } from './timestamp';
import { checkAssign } from './variables';

type Check = NonNullable<FieldTable[string]['check']>;

const string: Check = (ctx, site, value) => expectString(sinkOf(ctx), site, value);
const referencePath: Check = (ctx, site, value) => checkPathField(sinkOf(ctx), site, value, { reference: true });
const template: Check = (ctx, site, value) => checkPayloadTemplateField(sinkOf(ctx), site, value);
const jsonata =
  (members: ReadonlySet<StatesMember>): Check =>
  (ctx, site, value) =>
    checkJsonataValue(sinkOf(ctx), site, value, members);
const integerOrJsonata =
  (min: number, max: number): Check =>
  (ctx, site, value) =>
    checkNumberOrJsonata(ctx, sinkOf(ctx), site, value, { min, max, integer: true });
const assign =
  (members: ReadonlySet<StatesMember>): Check =>
  (ctx, site, value) =>
    checkAssign(ctx, sinkOf(ctx), site, value, ctx.machine.scope, members);

const queryLanguage: Check = (ctx, site, value) => {
  if (!expectOneOf(sinkOf(ctx), site, value, ['JSONPath', 'JSONata'])) return;
  if (value === 'JSONPath' && ctx.machine.document.machineLanguage === 'JSONata') {
    sinkOf(ctx).error(
      'QUERY_LANGUAGE_MISMATCH',
      site,
      `'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine${inState(site)}; remove the state's QueryLanguage, or make the state machine JSONPath and opt states into JSONata.`,
    );
  }
};

const timestamp: Check = (ctx, site, value) => {
  const sink = sinkOf(ctx);
  if (ctx.language === 'JSONata' && isJsonataExpression(value)) {
    checkJsonataValue(sink, site, value);
  } else if (typeof value !== 'string') {
    wrongType(sink, site, 'an RFC 3339 timestamp string', value);
  } else if (!isRfc3339Timestamp(value)) {
    sink.error('INVALID_TIMESTAMP', site, `String does not match RFC3339 timestamp: the field 'Timestamp'${inState(site)} is ${JSON.stringify(value)}; write e.g. 2016-03-14T01:59:00Z (uppercase T, Z or an offset)${ctx.language === 'JSONPath' && isJsonataExpression(value) ? ", or set QueryLanguage to JSONata to use a '{% … %}' expression" : ''}.`);
  }
};

const stringOrJsonata: Check = (ctx, site, value) => {
  if (expectString(sinkOf(ctx), site, value) && ctx.language === 'JSONata') checkJsonataValue(sinkOf(ctx), site, value);
};

/** Fail `ErrorPath`/`CausePath`: a reference path, or one of the intrinsics AWS allows there. */
const FAIL_PATH_INTRINSICS = ['States.Format', 'States.JsonToString', 'States.ArrayGetItem', 'States.Base64Encode', 'States.Base64Decode', 'States.Hash', 'States.UUID'];
const failPath: Check = (ctx, site, value) => {
  const sink = sinkOf(ctx);
  if (typeof value === 'string' && !value.startsWith('$')) {
    const parsed = parseIntrinsicOrProblem(value);
    if ('problem' in parsed) {
      sink.error('INVALID_FIELD_VALUE', site, `The value for the field '${site.field}'${inState(site)} must be a valid reference path or intrinsic function call: ${parsed.problem}.`);
    } else if (!FAIL_PATH_INTRINSICS.includes(parsed.call.name)) {
      sink.error('INVALID_FIELD_VALUE', site, `The intrinsic function '${parsed.call.name}' is not allowed in '${site.field}'${inState(site)}; allowed: ${FAIL_PATH_INTRINSICS.join(', ')}.`);
    }
    return;
  }
  checkPathField(sink, site, value, { reference: true });
};

/** Credentials: `RoleArn` (JSONata: literal or expression) or `RoleArn.$` (JSONPath: path or intrinsic). */
const credentials: Check = (ctx, site, value) => {
  const sink = sinkOf(ctx);
  if (!expectObject(sink, site, value)) return;
  const allowed = ctx.language === 'JSONPath' ? ['RoleArn', 'RoleArn.$'] : ['RoleArn'];
  for (const [key, member] of Object.entries(value)) {
    const memberSite = childSite(site, key);
    if (!allowed.includes(key)) sink.error('UNKNOWN_FIELD', memberSite, `The field '${key}' is not supported in 'Credentials'${inState(site)}; only ${allowed.map((a) => `'${a}'`).join(' or ')}.`);
    else if (key === 'RoleArn.$') checkDynamicValue(sink, memberSite, key, member);
    else stringOrJsonata(ctx, memberSite, member);
  }
  if (!hasOwn(value, 'RoleArn') && !hasOwn(value, 'RoleArn.$')) {
    sink.error('MISSING_REQUIRED_FIELD', site, `The field 'RoleArn' is required but was missing${inState(site)}: 'Credentials' must name the IAM role to assume, e.g. {"RoleArn": "arn:aws:iam::123456789012:role/TargetRole"}.`);
  }
};

const itemSelector: Check = (ctx, site, value) => (ctx.language === 'JSONata' ? checkJsonataValue(sinkOf(ctx), site, value) : template(ctx, site, value));

const items: Check = (ctx, site, value) => {
  if (!Array.isArray(value) && !isJsonataExpression(value)) wrongType(sinkOf(ctx), site, "an array or a JSONata expression '{% … %}'", value);
  checkJsonataValue(sinkOf(ctx), site, value);
};

// Shared field groups.
const COMMON = {
  Type: { required: true },
  Comment: { check: string },
  QueryLanguage: { check: queryLanguage },
} satisfies FieldTable;
const TRANSITION = {
  Next: { check: string },
  End: { check: (ctx, site, value) => expectBoolean(sinkOf(ctx), site, value) },
} satisfies FieldTable;
const PATH_IO = {
  InputPath: { language: 'JSONPath', check: (ctx, site, value) => checkNullablePathField(sinkOf(ctx), site, value) },
  OutputPath: { language: 'JSONPath', check: (ctx, site, value) => checkNullablePathField(sinkOf(ctx), site, value) },
} satisfies FieldTable;
/** Output/Assign of states without a result (`$states.result` unavailable). */
const INPUT_OUTPUT = {
  Output: { language: 'JSONata', check: jsonata(INPUT_MEMBERS) },
  Assign: { check: assign(INPUT_MEMBERS) },
} satisfies FieldTable;
/** Task, Parallel, Map: result processing, `$states.result`, error handling. */
const RESULT_HANDLING = {
  Output: { language: 'JSONata', check: jsonata(RESULT_MEMBERS) },
  Assign: { check: assign(RESULT_MEMBERS) },
  ResultSelector: { language: 'JSONPath', check: template },
  ResultPath: { language: 'JSONPath', check: (ctx, site, value) => checkResultPathField(sinkOf(ctx), site, value) },
  Retry: { check: checkRetry },
  Catch: { check: checkCatch },
} satisfies FieldTable;
const PARAMETERS = { Parameters: { language: 'JSONPath', check: (ctx, site, value) => checkParametersField(sinkOf(ctx), site, value) } } satisfies FieldTable;
const ARGUMENTS = { Arguments: { language: 'JSONata', check: jsonata(INPUT_MEMBERS) } } satisfies FieldTable;

/**
 * The field rules of one state type, keyed exactly by the fields of its ASL interface: a field
 * added to `TaskState` (in `../types`) without a rule here is a type error.
 */
export type FieldsOf<S> = { readonly [K in keyof S]-?: FieldRule };

/** One table per state type, keyed by `State['Type']` and typed against the ASL interfaces. */
export type StateFieldTables = { readonly [T in State['Type']]: FieldsOf<Extract<State, { Type: T }>> };

export const STATE_FIELDS = {
  Task: {
    ...COMMON,
    ...TRANSITION,
    ...PATH_IO,
    ...RESULT_HANDLING,
    ...PARAMETERS,
    ...ARGUMENTS,
    Resource: { required: true, check: (ctx, site, value) => checkTaskResource(sinkOf(ctx), site, value, ctx.machine.executionType) },
    TimeoutSeconds: { check: integerOrJsonata(1, LIMITS.maxSeconds) },
    TimeoutSecondsPath: { language: 'JSONPath', check: referencePath },
    HeartbeatSeconds: { check: integerOrJsonata(1, LIMITS.maxSeconds) },
    HeartbeatSecondsPath: { language: 'JSONPath', check: referencePath },
    Credentials: { check: credentials },
  },
  Pass: {
    ...COMMON,
    ...TRANSITION,
    ...PATH_IO,
    ...INPUT_OUTPUT,
    ...PARAMETERS,
    Result: { language: 'JSONPath' },
    ResultPath: { language: 'JSONPath', check: (ctx, site, value) => checkResultPathField(sinkOf(ctx), site, value) },
  },
  Choice: {
    ...COMMON,
    ...PATH_IO,
    ...INPUT_OUTPUT,
    Choices: { required: true, check: checkChoices },
    Default: { check: string },
  },
  Wait: {
    ...COMMON,
    ...TRANSITION,
    ...PATH_IO,
    ...INPUT_OUTPUT,
    Seconds: { check: integerOrJsonata(0, LIMITS.maxSeconds) },
    Timestamp: { check: timestamp },
    SecondsPath: { language: 'JSONPath', check: referencePath },
    TimestampPath: { language: 'JSONPath', check: referencePath },
  },
  Succeed: {
    ...COMMON,
    ...PATH_IO,
    Output: { language: 'JSONata', check: jsonata(INPUT_MEMBERS) },
  },
  Fail: {
    ...COMMON,
    Error: { check: stringOrJsonata },
    ErrorPath: { language: 'JSONPath', check: failPath },
    Cause: { check: stringOrJsonata },
    CausePath: { language: 'JSONPath', check: failPath },
  },
  Parallel: {
    ...COMMON,
    ...TRANSITION,
    ...PATH_IO,
    ...RESULT_HANDLING,
    ...PARAMETERS,
    ...ARGUMENTS,
    Branches: { required: true, check: (ctx, site, value) => checkBranches(ctx, site, value) },
  },
  Map: {
    ...COMMON,
    ...TRANSITION,
    ...PATH_IO,
    ...RESULT_HANDLING,
    ...PARAMETERS,
    ItemProcessor: { check: (ctx, site, value) => checkItemProcessor(ctx, site, value) },
    Iterator: { check: (ctx, site, value) => checkIterator(ctx, site, value) },
    ItemsPath: { language: 'JSONPath', check: referencePath },
    Items: { language: 'JSONata', check: items },
    ItemSelector: { check: itemSelector },
    ItemReader: { check: checkItemReader },
    ItemBatcher: { check: checkItemBatcher },
    ResultWriter: { check: checkResultWriter },
    MaxConcurrency: { check: integerOrJsonata(0, Number.MAX_SAFE_INTEGER) },
    MaxConcurrencyPath: { language: 'JSONPath', check: referencePath },
    ToleratedFailurePercentage: { check: (ctx, site, value) => checkNumberOrJsonata(ctx, sinkOf(ctx), site, value, { min: 0, max: 100, integer: false }) },
    ToleratedFailurePercentagePath: { language: 'JSONPath', check: referencePath },
    ToleratedFailureCount: { check: integerOrJsonata(0, Number.MAX_SAFE_INTEGER) },
    ToleratedFailureCountPath: { language: 'JSONPath', check: referencePath },
    Label: { check: checkLabel },
  },
} satisfies StateFieldTables;

/** Pairs of fields a state may not combine (§1.4). */
export const EXCLUSIVE_FIELDS: readonly (readonly [string, string])[] = [
  ['TimeoutSeconds', 'TimeoutSecondsPath'],
  ['HeartbeatSeconds', 'HeartbeatSecondsPath'],
  ['Error', 'ErrorPath'],
  ['Cause', 'CausePath'],
  ['MaxConcurrency', 'MaxConcurrencyPath'],
  ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'],
  ['ToleratedFailureCount', 'ToleratedFailureCountPath'],
  ['ItemProcessor', 'Iterator'],
  ['ItemSelector', 'Parameters'],
];

