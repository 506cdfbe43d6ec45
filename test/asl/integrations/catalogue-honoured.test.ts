/**
 * Every catalogue entry is honoured identically by the validator, the DSL builders and IAM: a
 * pattern the catalogue lists is valid, offered by the DSL and gets permissions; a pattern it does
 * not list is `INVALID_RESOURCE`, absent from the DSL, and an IAM warning.
 */
import { describe, expect, it } from 'vitest';
import { catalogueEntries, type IntegrationPattern, patternSuffix, type StateMachineDefinition, validateDefinition } from '../../../src/asl/index';
import { optimized } from '../../../src/dsl/index';
import { deriveIamPolicy } from '../../../src/iam/index';

const PATTERNS: IntegrationPattern[] = ['request-response', 'sync', 'sync:2', 'waitForTaskToken'];
const DSL_VARIANT: Record<Exclude<IntegrationPattern, 'request-response'>, string> = { sync: 'sync', 'sync:2': 'sync2', waitForTaskToken: 'waitForTaskToken' };

// Static values for every field a code rule reads, so each rule emits all its actions.
const PAYLOAD = {
  FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:f',
  TopicArn: 'arn:aws:sns:us-east-1:123456789012:t',
  QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q',
  TableName: 'Table',
  JobDefinition: 'def',
  JobQueue: 'queue',
  TaskDefinition: 'task:1',
  JobName: 'job',
  StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child',
  Entries: [{ EventBusName: 'default', Detail: {} }],
  ApiEndpoint: 'abc123.execute-api.us-east-1.amazonaws.com',
  Method: 'GET',
  AuthType: 'IAM_ROLE',
  Authentication: { ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/c/1' },
  ModelId: 'amazon.titan-text-express-v1',
};

function machine(resource: string): StateMachineDefinition {
  return { StartAt: 'T', States: { T: { Type: 'Task', Resource: resource, Parameters: PAYLOAD, End: true } } } as unknown as StateMachineDefinition;
}

describe('the integration catalogue is honoured by validator, DSL and IAM alike', () => {
  for (const { service, action, spec } of catalogueEntries()) {
    for (const pattern of PATTERNS) {
      const listed = spec.patterns.includes(pattern);
      it(`${service}:${action}${patternSuffix(pattern)} is ${listed ? 'supported' : 'rejected'} everywhere`, () => {
        const resource = `arn:aws:states:::${service}:${action}${patternSuffix(pattern)}`;
        const diagnostics = validateDefinition(machine(resource)).filter((d) => d.severity === 'error');
        expect(diagnostics.map((d) => d.code)).toEqual(listed ? [] : ['INVALID_RESOURCE']);

        const call = optimized(service as never, action as never) as unknown as Record<string, unknown>;
        if (pattern !== 'request-response') expect(typeof call[DSL_VARIANT[pattern]] === 'function').toBe(listed);

        const report = deriveIamPolicy(machine(resource), { region: 'us-east-1', account: '123456789012' });
        const unknown = report.warnings.filter((w) => w.kind === 'unknown-resource');
        expect(unknown.length > 0).toBe(!listed);
        if (listed) {
          const granted = report.policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => s.Action);
          const wanted = [...spec.iam.actions, ...(pattern.startsWith('sync') ? (spec.iam.syncActions ?? []) : [])];
          expect(granted).toEqual(expect.arrayContaining(wanted));
          if (pattern.startsWith('sync') && spec.iam.syncRule) {
            const rule = report.policy.Statement.find((s) => s.Action.includes('events:PutRule'));
            expect(rule?.Resource).toEqual([`arn:aws:events:us-east-1:123456789012:rule/${spec.iam.syncRule}`]);
          }
        }
      });
    }
  }
});

describe('the glue callback hole is closed', () => {
  const resource = 'arn:aws:states:::glue:startJobRun.waitForTaskToken';
  it('the validator rejects glue:startJobRun.waitForTaskToken', () => {
    const [diagnostic] = validateDefinition(machine(resource));
    expect(diagnostic).toMatchObject({ code: 'INVALID_RESOURCE', severity: 'error' });
    expect(diagnostic.message).toContain("'glue:startJobRun' does not support");
  });
  it('the DSL offers no glue.startJobRun.waitForTaskToken', async () => {
    const { glue } = await import('../../../src/dsl/index');
    expect('waitForTaskToken' in glue.startJobRun).toBe(false);
    expect(typeof glue.startJobRun.sync).toBe('function');
  });
});
