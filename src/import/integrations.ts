/**
 * A Task's `Resource` (and payload) → the integration call a developer would write: `lambda.call`,
 * `lambda.invoke`, `runActivity`, `awsSdk`, `optimized(...)` from the integration catalogue, and
 * `serviceTask('arn…')` only where none of them compiles back to the same definition.
 */
import { isStatesErrorName } from '../asl/error-names';
import { integrationAction } from '../asl/integrations/catalogue';
import { parseTaskResource, patternSuffix, type IntegrationPattern } from '../asl/task-resource';
import { call, id, json, member, object, str, withComment, type Expression } from './code';
import { INTEGRATIONS, LAMBDA_NODEJS_RUNTIME_ERRORS } from '../asl/integrations/catalogue';
import type { ModuleContext } from './module-context';
import { OPAQUE, recordView, shapeView, type ShapeNode, type View } from './shape';
import { typeOf } from './shape-types';
import { callbackOf, dynamicMember, jsonataValue, jsonPathTemplate, type ValueScope } from './values';

/**
 * What any Lambda task may catch without the function declaring it, from the one integration
 * catalogue: Lambda's own service errors and the Node.js runtime's (`Error`, `TypeError`, …).
 */
const LAMBDA_UNDECLARED_ERRORS: ReadonlySet<string> = new Set([...INTEGRATIONS.lambda.errors, ...LAMBDA_NODEJS_RUNTIME_ERRORS]);

export interface TaskState {
  readonly name: string;
  readonly Resource: string;
  readonly Parameters?: unknown;
  readonly Arguments?: unknown;
  /** Every name in the state's Retry and Catch `ErrorEquals`. */
  readonly errorNames: readonly string[];
}

export interface IntegrationCall {
  readonly expr: Expression;
  /** The task result as the DSL types it. */
  readonly result: View;
}

/** Makes a fresh input scope for a payload callback (`(s, ctx) => …`). */
export type PayloadScope = (options: { taskToken: boolean }) => ValueScope;

/** The payload as an expression (a callback when it reads the input or the context), or `undefined` when there is none. */
function payloadOf(value: unknown, scope: ValueScope): Expression | undefined {
  if (value === undefined) return undefined;
  if (scope.jsonata) return callbackOf(scope, jsonataValue(value, scope).expr);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return callbackOf(scope, jsonPathTemplate(value as Record<string, unknown>, scope).expr);
}

function returnsOption(cx: ModuleContext, node: ShapeNode): Expression[] {
  if (node.members.size === 0 && node.element === undefined && node.leaf === undefined) return [];
  return [object([['returns', call(cx.use('returns'), [], [typeOf(node)])]])];
}

const customErrors = (names: readonly string[], builtIn: (name: string) => boolean) => names.filter((name) => !isStatesErrorName(name) && !builtIn(name));

export function integrationCall(state: TaskState, payloadScope: PayloadScope, cx: ModuleContext): IntegrationCall {
  const resource = parseTaskResource(state.Resource);
  const payload = state.Parameters ?? state.Arguments;
  const pattern: IntegrationPattern = resource.kind === 'optimized' || resource.kind === 'aws-sdk' ? resource.pattern : 'request-response';
  const scope = payloadScope({ taskToken: pattern === 'waitForTaskToken' });

  if (resource.kind === 'lambda-function') {
    const fn = cx.model.function('lambda', resource.arn, resource.functionName);
    for (const name of customErrors(state.errorNames, (n) => LAMBDA_UNDECLARED_ERRORS.has(n))) fn.errors.add(name);
    const body = payloadOf(payload, scope);
    if (payload === undefined || body) {
      return { expr: call(member(id(cx.use('lambda')), 'call'), [id(fn.constName), ...(body ? [body] : [])]), result: shapeView(fn.output) };
    }
  }
  if (resource.kind === 'activity') {
    const act = cx.model.function('activity', resource.arn, resource.name);
    for (const name of customErrors(state.errorNames, () => false)) act.errors.add(name);
    const body = payloadOf(payload, scope);
    if (payload === undefined || body) {
      return { expr: call(cx.use('runActivity'), [id(act.constName), ...(body ? [body] : [])]), result: shapeView(act.output) };
    }
  }
  const short = resource.kind === 'optimized' || resource.kind === 'aws-sdk' ? `arn:aws:states:::${resource.kind === 'aws-sdk' ? `aws-sdk:${resource.service}:${resource.action}` : `${resource.service}:${resource.api}`}${patternSuffix(pattern)}` : undefined;
  if (resource.kind === 'optimized' && short === state.Resource && resource.service === 'lambda' && resource.api === 'invoke') {
    const invoke = lambdaInvoke(state, payload, pattern, scope, cx);
    if (invoke) return invoke;
  }
  if (resource.kind === 'aws-sdk' && short === state.Resource && (pattern === 'request-response' || pattern === 'waitForTaskToken')) {
    const service = resource.service;
    const fits = (name: string) => name.startsWith(`${service[0].toUpperCase()}${service.slice(1)}.`) || name.startsWith(`${service.toUpperCase()}.`);
    const body = payloadOf(payload, { ...scope });
    if (customErrors(state.errorNames, fits).length === 0 && (payload === undefined || body)) {
      const node = cx.model.returnsOf(state.name);
      const options = returnsOption(cx, node);
      const callee = pattern === 'waitForTaskToken' ? member(id(cx.use('awsSdk')), 'waitForTaskToken') : id(cx.use('awsSdk'));
      const args = [str(service), str(resource.action), ...(body ? [body] : options.length > 0 ? [id('undefined')] : []), ...options];
      return { expr: call(callee, args), result: shapeView(node) };
    }
  }
  if (resource.kind === 'optimized' && short === state.Resource && resource.service === 'sns' && resource.api === 'publish' && snsFits(payload, scope.jsonata)) {
    const body = payloadOf(payload, scope);
    if (body && state.errorNames.every((name) => isStatesErrorName(name) || name.startsWith('SNS.'))) {
      const publish = member(id(cx.use('sns')), 'publish');
      if (pattern === 'waitForTaskToken') {
        const node = cx.model.returnsOf(state.name);
        return { expr: call(member(publish, 'waitForTaskToken'), [body, ...returnsOption(cx, node)]), result: shapeView(node) };
      }
      if (pattern === 'request-response') {
        const text = { kind: 'opaque', type: 'string' } as const;
        return { expr: call(publish, [body]), result: recordView({ MessageId: text, SequenceNumber: text }) };
      }
    }
  }
  if (resource.kind === 'optimized' && short === state.Resource && integrationAction(resource.service, resource.api)?.patterns.includes(pattern)) {
    const body = payloadOf(payload, scope);
    const isObject = payload !== null && typeof payload === 'object' && !Array.isArray(payload);
    if (body && isObject && state.errorNames.every((name) => isStatesErrorName(name) || name.includes('.'))) {
      const builder = call(cx.use('optimized'), [str(resource.service), str(resource.api)]);
      const variant = pattern === 'request-response' ? builder : member(builder, pattern === 'sync:2' ? 'sync2' : pattern);
      const node = cx.model.returnsOf(state.name);
      const callback = pattern === 'waitForTaskToken';
      return { expr: call(variant, [body, ...(callback ? returnsOption(cx, node) : [])]), result: callback ? shapeView(node) : { kind: 'dictionary' } };
    }
  }
  const node = cx.model.returnsOf(state.name);
  const body = payloadOf(payload, scope);
  cx.note(state.name, `no typed builder for '${state.Resource}' renders this task the same; used serviceTask(...)`);
  const options = returnsOption(cx, node);
  const args = [str(state.Resource), ...(body ? [body] : payload !== undefined ? [json(payload)] : options.length > 0 ? [id('undefined')] : []), ...options];
  return { expr: withComment(call(cx.use('serviceTask'), args), 'no typed builder for this resource'), result: shapeView(node) };
}


function lambdaInvoke(state: TaskState, payload: unknown, pattern: IntegrationPattern, scope: ValueScope, cx: ModuleContext): IntegrationCall | undefined {
  if (pattern !== 'request-response' && pattern !== 'waitForTaskToken') return undefined;
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
  const fields = payload as Record<string, unknown>;
  const keys = Object.keys(fields).sort();
  const payloadKey = scope.jsonata ? 'Payload' : keys.find((key) => key === 'Payload' || key === 'Payload.$');
  if (typeof fields.FunctionName !== 'string' || !payloadKey || keys.length !== 2 || !keys.includes(payloadKey)) return undefined;
  if (scope.jsonata && fields.FunctionName.startsWith('{%')) return undefined;
  const arn = fields.FunctionName;
  const fn = cx.model.function('lambda', arn, /function:([^:]+)/.exec(arn)?.[1] ?? arn);
  for (const name of customErrors(state.errorNames, (n) => LAMBDA_UNDECLARED_ERRORS.has(n))) fn.errors.add(name);
  let body: Expression | undefined;
  const value = fields[payloadKey];
  const wholeInput = !scope.jsonata && payloadKey === 'Payload.$' && value === '$' && (scope.dollar?.inputPath === undefined || (Array.isArray(scope.dollar.inputPath) && scope.dollar.inputPath.length === 0));
  if (!wholeInput) {
    if (scope.jsonata) body = jsonataValue(value, scope).expr;
    else if (payloadKey === 'Payload.$') body = typeof value === 'string' ? dynamicMember(value, scope)?.expr : undefined;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) body = jsonPathTemplate(value as Record<string, unknown>, scope).expr;
    else return undefined;
    if (!body) return undefined;
    body = callbackOf(scope, body, true);
  }
  if (pattern === 'waitForTaskToken') {
    if (!body) return undefined;
    const node = cx.model.returnsOf(state.name);
    return { expr: call(member(member(id(cx.use('lambda')), 'invoke'), 'waitForTaskToken'), [id(fn.constName), body, ...returnsOption(cx, node)]), result: shapeView(node) };
  }
  const text = { kind: 'opaque', type: 'string' } as const;
  return {
    expr: call(member(id(cx.use('lambda')), 'invoke'), [id(fn.constName), ...(body ? [body] : [])]),
    result: recordView({ Payload: shapeView(fn.output), StatusCode: { kind: 'opaque', type: 'number' }, ExecutedVersion: text, SdkHttpMetadata: OPAQUE, SdkResponseMetadata: OPAQUE }),
  };
}


const SNS_PUBLISH_FIELDS = new Set(['TopicArn', 'TargetArn', 'PhoneNumber', 'Message', 'Subject', 'MessageStructure', 'MessageDeduplicationId', 'MessageGroupId']);

/** `sns.publish` types every field but `Message` as a string: use it when the others are literal strings. */
function snsFits(payload: unknown, jsonata: boolean): boolean {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return false;
  const entries = Object.entries(payload as Record<string, unknown>);
  const isMessage = (key: string) => key === 'Message' || key === 'Message.$';
  if (!entries.some(([key]) => isMessage(key))) return false;
  return entries.every(([key, value]) => isMessage(key) || (SNS_PUBLISH_FIELDS.has(key) && typeof value === 'string' && !(jsonata && value.startsWith('{%'))));
}
