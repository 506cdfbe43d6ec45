/**
 * Task `Resource` (§7.1): activity ARNs, Lambda function ARNs, optimized integrations
 * (`arn:aws:states:::service:action[.sync|.sync:2|.waitForTaskToken]`) and AWS SDK integrations
 * (`arn:aws:states:::aws-sdk:service:action`), plus what Express workflows reject (§1.2 rule 9).
 */
import type { ExecutionType } from './context';
import { type DiagnosticSink, type Site } from './diagnostics';
import { expectString } from './field-checks';

export type IntegrationPattern = 'request-response' | 'sync' | 'sync:2' | 'waitForTaskToken';

export type ResourceKind =
  | { kind: 'activity'; name: string }
  | { kind: 'lambda'; functionName: string }
  | { kind: 'integration'; service: string; action: string; pattern: IntegrationPattern }
  | { kind: 'aws-sdk'; service: string; action: string; pattern: IntegrationPattern };

const ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso(?:-[a-z])?):(states|lambda):([^:]*):([^:]*):(.+)$/;
const SUFFIXES: Record<string, IntegrationPattern> = { '': 'request-response', sync: 'sync', 'sync:2': 'sync:2', waitForTaskToken: 'waitForTaskToken' };

function splitPattern(actionWithSuffix: string): { action: string; pattern: IntegrationPattern } | undefined {
  const dot = actionWithSuffix.indexOf('.');
  const action = dot < 0 ? actionWithSuffix : actionWithSuffix.slice(0, dot);
  const pattern = SUFFIXES[dot < 0 ? '' : actionWithSuffix.slice(dot + 1)];
  return pattern && /^[A-Za-z][A-Za-z0-9]*$/.test(action) ? { action, pattern } : undefined;
}

/**
 * What a Task resource ARN names, or `undefined` when it is no resource form Step Functions knows.
 *
 * @example
 * classifyResource('arn:aws:states:::sqs:sendMessage.waitForTaskToken');
 * // { kind: 'integration', service: 'sqs', action: 'sendMessage', pattern: 'waitForTaskToken' }
 */
export function classifyResource(resource: string): ResourceKind | undefined {
  const match = ARN.exec(resource);
  if (!match) return undefined;
  const [, , service, , , rest] = match;
  if (service === 'lambda') {
    const fn = /^function:([A-Za-z0-9_-]+)(?::[A-Za-z0-9$_-]+)?$/.exec(rest);
    return fn ? { kind: 'lambda', functionName: fn[1] } : undefined;
  }
  const parts = rest.split(':');
  if (parts[0] === 'activity') return parts.length === 2 && parts[1] ? { kind: 'activity', name: parts[1] } : undefined;
  if (parts[0] === 'aws-sdk') {
    const split = parts.length >= 3 && parts[1] ? splitPattern(parts.slice(2).join(':')) : undefined;
    return split ? { kind: 'aws-sdk', service: parts[1], ...split } : undefined;
  }
  const split = parts.length >= 2 && parts[0] ? splitPattern(parts.slice(1).join(':')) : undefined;
  return split ? { kind: 'integration', service: parts[0], ...split } : undefined;
}

/**
 * Optimized integrations whose complete action list we know, with the patterns each supports.
 * Services not listed are accepted with any action (a false rejection would block a valid workflow).
 */
const KNOWN_INTEGRATIONS: Record<string, Record<string, readonly IntegrationPattern[]>> = {
  lambda: { invoke: ['request-response', 'waitForTaskToken'] },
  dynamodb: {
    getItem: ['request-response'],
    putItem: ['request-response'],
    updateItem: ['request-response'],
    deleteItem: ['request-response'],
  },
  sns: { publish: ['request-response', 'waitForTaskToken'] },
  sqs: { sendMessage: ['request-response', 'waitForTaskToken'] },
  events: { putEvents: ['request-response', 'waitForTaskToken'] },
  apigateway: { invoke: ['request-response', 'waitForTaskToken'] },
  http: { invoke: ['request-response'] },
  states: { startExecution: ['request-response', 'sync', 'sync:2', 'waitForTaskToken'] },
};

function notRecognized(resource: string, hint: string): string {
  return (
    `The resource provided ${resource.replace(/^arn:[^:]+:/, 'arn:<partition>:')} is not recognized. ` +
    `The value is not a valid resource ARN, or the resource is not available in this region. ${hint}`
  );
}

function suffixText(pattern: IntegrationPattern): string {
  return pattern === 'request-response' ? 'no suffix (request-response)' : `'.${pattern}'`;
}

/** Checks a Task `Resource` and returns its classification when valid. */
export function checkTaskResource(sink: DiagnosticSink, site: Site, value: unknown, executionType: ExecutionType): ResourceKind | undefined {
  if (!expectString(sink, site, value)) return undefined;
  const kind = classifyResource(value);
  if (!kind) {
    sink.error(
      'INVALID_RESOURCE',
      site,
      notRecognized(value, `Use an activity ARN (arn:aws:states:<region>:<account>:activity:<name>), a Lambda function ARN, arn:aws:states:::<service>:<action>[.sync|.waitForTaskToken] or arn:aws:states:::aws-sdk:<service>:<action>.`),
    );
    return undefined;
  }
  if (kind.kind === 'integration') {
    const actions = KNOWN_INTEGRATIONS[kind.service];
    const patterns = actions?.[kind.action];
    if (actions && !patterns) {
      sink.error(
        'INVALID_RESOURCE',
        site,
        notRecognized(
          value,
          `The optimized '${kind.service}' integration supports ${Object.keys(actions).join(', ')}; for other actions use the AWS SDK integration arn:aws:states:::aws-sdk:${kind.service}:${kind.action}.`,
        ),
      );
      return undefined;
    }
    if (patterns && !patterns.includes(kind.pattern)) {
      sink.error(
        'INVALID_RESOURCE',
        site,
        `The resource ${value} in state '${site.state}' uses ${suffixText(kind.pattern)}, which '${kind.service}:${kind.action}' does not support (supported: ${patterns.map(suffixText).join(', ')}).`,
      );
      return undefined;
    }
  }
  if (kind.kind === 'aws-sdk' && (kind.pattern === 'sync' || kind.pattern === 'sync:2')) {
    sink.error('INVALID_RESOURCE', site, `The resource ${value} in state '${site.state}' uses '.sync', which AWS SDK integrations do not support; use '.waitForTaskToken' or an optimized integration.`);
    return undefined;
  }
  if (executionType === 'EXPRESS') checkExpressResource(sink, site, kind);
  return kind;
}

function checkExpressResource(sink: DiagnosticSink, site: Site, kind: ResourceKind): void {
  const fix = 'Use a STANDARD state machine, or a request-response integration.';
  if (kind.kind === 'activity') {
    sink.error('EXPRESS_UNSUPPORTED', site, `Express state machine does not support Activity ARN (state '${site.state}'). ${fix}`);
  } else if ('pattern' in kind && (kind.pattern === 'sync' || kind.pattern === 'sync:2')) {
    sink.error('EXPRESS_UNSUPPORTED', site, `Express state machine does not support '.sync' service integration (state '${site.state}'). ${fix}`);
  } else if ('pattern' in kind && kind.pattern === 'waitForTaskToken') {
    sink.error('EXPRESS_UNSUPPORTED', site, `Express state machine does not support '.waitForTaskToken' service integration (state '${site.state}'). ${fix}`);
  }
}
