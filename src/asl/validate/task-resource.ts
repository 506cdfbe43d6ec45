/**
 * Checks of a Task `Resource` (§7.1) on top of the shared parse (`../task-resource`): the actions and
 * patterns optimized integrations support (read from the one catalogue, `../integrations/catalogue`),
 * no `.sync` on AWS SDK integrations, and what Express workflows reject (§1.2 rule 9). Services the
 * catalogue does not list are accepted with any action: a false rejection would block a valid workflow.
 */
import { AWS_SDK_INTEGRATION, integrationService } from '../integrations/catalogue';
import { type IntegrationPattern, isRunJob, parseTaskResource, type TaskResource } from '../task-resource';
import type { ExecutionType } from './context';
import { type DiagnosticSink, type Site } from './diagnostics';
import { expectString } from './field-checks';

function notRecognized(resource: string, hint: string): string {
  return (
    `The resource provided ${resource.replace(/^arn:[^:]+:/, 'arn:<partition>:')} is not recognized. ` +
    `The value is not a valid resource ARN, or the resource is not available in this region. ${hint}`
  );
}

function suffixText(pattern: IntegrationPattern): string {
  return pattern === 'request-response' ? 'no suffix (request-response)' : `'.${pattern}'`;
}

/** Checks a Task `Resource` and returns what it names when valid. */
export function checkTaskResource(sink: DiagnosticSink, site: Site, value: unknown, executionType: ExecutionType): TaskResource | undefined {
  if (!expectString(sink, site, value)) return undefined;
  const kind = parseTaskResource(value);
  if (kind.kind === 'unknown') {
    sink.error(
      'INVALID_RESOURCE',
      site,
      notRecognized(value, `(${kind.reason}) Use an activity ARN (arn:aws:states:<region>:<account>:activity:<name>), a Lambda function ARN, arn:aws:states:::<service>:<action>[.sync|.waitForTaskToken] or arn:aws:states:::aws-sdk:<service>:<action>.`),
    );
    return undefined;
  }
  if (kind.kind === 'optimized') {
    const actions = integrationService(kind.service)?.actions;
    const patterns = actions && Object.hasOwn(actions, kind.api) ? actions[kind.api].patterns : undefined;
    if (actions && !patterns) {
      sink.error(
        'INVALID_RESOURCE',
        site,
        notRecognized(
          value,
          `The optimized '${kind.service}' integration supports ${Object.keys(actions).join(', ')}; for other actions use the AWS SDK integration arn:aws:states:::aws-sdk:${kind.service}:${kind.api}.`,
        ),
      );
      return undefined;
    }
    if (patterns && !patterns.includes(kind.pattern)) {
      sink.error(
        'INVALID_RESOURCE',
        site,
        `The resource ${value} in state '${site.state}' uses ${suffixText(kind.pattern)}, which '${kind.service}:${kind.api}' does not support (supported: ${patterns.map(suffixText).join(', ')}).`,
      );
      return undefined;
    }
  }
  if (kind.kind === 'aws-sdk' && !(AWS_SDK_INTEGRATION.patterns as readonly IntegrationPattern[]).includes(kind.pattern)) {
    sink.error('INVALID_RESOURCE', site, `The resource ${value} in state '${site.state}' uses '.sync', which AWS SDK integrations do not support; use '.waitForTaskToken' or an optimized integration.`);
    return undefined;
  }
  if (executionType === 'EXPRESS') checkExpressResource(sink, site, kind);
  return kind;
}

function checkExpressResource(sink: DiagnosticSink, site: Site, kind: TaskResource): void {
  const fix = 'Use a STANDARD state machine, or a request-response integration.';
  if (kind.kind === 'activity') {
    sink.error('EXPRESS_UNSUPPORTED', site, `Express state machine does not support Activity ARN (state '${site.state}'). ${fix}`);
  } else if ('pattern' in kind && isRunJob(kind.pattern)) {
    sink.error('EXPRESS_UNSUPPORTED', site, `Express state machine does not support '.sync' service integration (state '${site.state}'). ${fix}`);
  } else if ('pattern' in kind && kind.pattern === 'waitForTaskToken') {
    sink.error('EXPRESS_UNSUPPORTED', site, `Express state machine does not support '.waitForTaskToken' service integration (state '${site.state}'). ${fix}`);
  }
}
