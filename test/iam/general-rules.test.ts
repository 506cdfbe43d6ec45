/** The "General rules" of iam-reference.md: activities, deny-all, Credentials, unknown forms, nesting. */
import { describe, expect, it } from 'vitest';
import type { StateMachineDefinition } from '../../src/asl/types';
import { deriveIamPolicy } from '../../src/iam';
import { ACCOUNT, REGION, allActions, derive, deriveForState, grantOf, warningsOf } from './iam-test-support';

const ACTIVITY = `arn:aws:states:${REGION}:${ACCOUNT}:activity:review`;
const DENY_ALL = { Sid: 'DenyAll', Effect: 'Deny', Action: ['*'], Resource: ['*'] };

describe('machines that call nothing', () => {
  it('a task-less machine gets the deny-all policy', () => {
    const report = derive({ StartAt: 'P', States: { P: { Type: 'Pass', Next: 'W' }, W: { Type: 'Wait', Seconds: 1, End: true } } });
    expect(report.policy.Statement).toEqual([DENY_ALL]);
    expect(report.warnings).toEqual([]);
  });

  it('an activities-only machine gets deny-all; the worker section has the activity permissions', () => {
    const report = deriveForState({ Resource: ACTIVITY });
    expect(report.policy.Statement).toEqual([DENY_ALL]);
    expect(report.workers.activityWorkers.activities).toEqual([ACTIVITY]);
    expect(warningsOf(report, 'note')[0].message).toContain('activity workers');
  });

  it('a machine whose only task has an unknown resource is not deny-all: an empty policy plus warnings (issue 8)', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::foo:bar' });
    expect(report.policy.Statement).toEqual([]);
    expect(report.warnings).toEqual([
      { kind: 'unknown-resource', state: 'T', field: 'Resource', message: 'no IAM rule for `arn:aws:states:::foo:bar`; add the permission yourself.' },
      {
        kind: 'incomplete-policy',
        message: 'the policy is incomplete: 1 state(s) (T) call integrations this pass has no IAM rule for; it has no statement yet — add their permissions yourself before deploying.',
      },
    ]);
  });
});

describe('unknown resource forms are warnings, never crashes', () => {
  const cases: [string, string][] = [
    ['arn:aws:states:::dynamodb:query', 'no IAM rule for `arn:aws:states:::dynamodb:query`'],
    ['arn:aws:states:::dynamodb:getItem.sync', 'does not support .sync'],
    ['arn:aws:states:::glue:startJobRun.waitForTaskToken', 'does not support .waitForTaskToken'],
    ['arn:aws:states:::lambda:invoke.later', 'integration pattern suffix'],
    ['arn:aws:states:::aws-sdk:s3:getObject.sync', 'do not support .sync'],
    ['arn:aws:states:::aws-sdk:nosuchservice:doThing', "no IAM prefix is known for the SDK service 'nosuchservice'"],
    ['arn:aws:states:::aws-sdk:s3', 'needs <service>:<action>'],
    ['arn:aws:s3:::bucket', "'s3' ARNs are not Task resources"],
    ['not-an-arn', 'not an ARN'],
  ];
  for (const [resource, message] of cases) {
    it(resource, () => {
      const report = deriveForState({ Resource: resource });
      // Not deny-all (issue 8): the machine calls something this pass cannot read; the policy is
      // what is known (nothing here) and says it is incomplete.
      expect(report.policy.Statement).toEqual([]);
      expect(warningsOf(report, 'incomplete-policy')).toHaveLength(1);
      expect(warningsOf(report, 'unknown-resource')).toEqual([
        expect.objectContaining({ state: 'T', field: 'Resource', message: expect.stringContaining(message) }),
      ]);
    });
  }

  it('a Task without a Resource string is a warning', () => {
    const report = deriveForState({ Parameters: {} });
    expect(warningsOf(report, 'unknown-resource')[0].message).toContain('no Resource');
  });

  it('input that is not an ASL document is a clear error', () => {
    expect(() => deriveIamPolicy(null as unknown as StateMachineDefinition)).toThrow(/must be an ASL document/);
    expect(() => deriveIamPolicy({ StartAt: 'A' } as StateMachineDefinition)).toThrow(/no "States" object/);
  });
});

describe('Credentials (cross-account tasks)', () => {
  const role = `arn:aws:iam::210987654321:role/orders-cross-account`;
  const fn = `arn:aws:lambda:${REGION}:210987654321:function:remote`;

  it('the execution role only assumes the role; the task permissions belong to the assumed role', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::lambda:invoke', Credentials: { RoleArn: role }, Parameters: { FunctionName: fn } });
    expect(report.policy.Statement).toEqual([
      { Sid: 'StsAssumeRoleOrdersCrossAccount', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [role] },
    ]);
    expect(report.assumedRoles).toEqual([
      {
        role,
        states: ['T'],
        policy: { Version: '2012-10-17', Statement: [{ Sid: 'LambdaInvokeRemote', Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: [fn, `${fn}:*`] }] },
        statements: [{ sid: 'LambdaInvokeRemote', states: ['T'] }],
      },
    ]);
  });

  it('a dynamic role (JSONPath RoleArn.$, JSONata) is "*" with a warning', () => {
    const path = deriveForState({ Resource: 'arn:aws:states:::lambda:invoke', Credentials: { 'RoleArn.$': '$.role' }, Parameters: { FunctionName: fn } });
    expect(grantOf(path, 'sts:AssumeRole').Resource).toEqual(['*']);
    expect(warningsOf(path, 'dynamic-resource')).toEqual([expect.objectContaining({ state: 'T', field: 'Credentials.RoleArn.$' })]);
    const jsonata = deriveForState(
      { Resource: 'arn:aws:states:::lambda:invoke', Credentials: { RoleArn: '{% $role %}' }, Arguments: { FunctionName: fn } },
      {},
      'JSONata',
    );
    expect(grantOf(jsonata, 'sts:AssumeRole').Resource).toEqual(['*']);
    expect(jsonata.assumedRoles.map((assumed) => assumed.role)).toEqual(['*']);
    expect(warningsOf(jsonata, 'dynamic-resource')).toEqual([expect.objectContaining({ field: 'Credentials.RoleArn' })]);
  });
});

describe('walking the whole definition', () => {
  const fn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
  const definition: StateMachineDefinition = {
    StartAt: 'Fan',
    States: {
      Fan: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'A', States: { A: { Type: 'Task', Resource: fn('a'), End: true } } },
          {
            StartAt: 'Each',
            States: {
              Each: {
                Type: 'Map',
                ItemProcessor: { StartAt: 'B', States: { B: { Type: 'Task', Resource: fn('b'), End: true } } },
                End: true,
              },
            },
          },
        ],
        Next: 'Legacy',
      },
      Legacy: {
        Type: 'Map',
        Iterator: { StartAt: 'C', States: { C: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: fn('c') }, End: true } } },
        End: true,
      },
    },
  };

  it('descends into Parallel branches, Map ItemProcessor and the older Iterator', () => {
    const report = derive(definition);
    expect(grantOf(report, 'lambda:InvokeFunction').Resource).toEqual([fn('a'), `${fn('a')}:*`, fn('b'), `${fn('b')}:*`, fn('c'), `${fn('c')}:*`]);
    expect(report.statements).toEqual([{ sid: 'LambdaInvokeABC', states: ['A', 'B', 'C'] }]);
  });

  it('a state-level QueryLanguage overrides the top level', () => {
    const mixed = derive({
      StartAt: 'X',
      States: {
        X: { Type: 'Task', QueryLanguage: 'JSONata', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: '{% $states.input.fn %}' }, Credentials: { RoleArn: '{% $r %}' }, End: true },
      },
    });
    expect(warningsOf(mixed, 'dynamic-resource').map((warning) => warning.field)).toEqual(['Arguments.FunctionName', 'Credentials.RoleArn']);
  });
});

describe('partition', () => {
  it('comes from the definition\'s ARNs (China, GovCloud)', () => {
    const report = deriveForState({ Resource: 'arn:aws-cn:states:::dynamodb:getItem', Parameters: { TableName: 'Ledger', Key: {} } }, { region: 'cn-north-1', account: ACCOUNT });
    expect(grantOf(report, 'dynamodb:GetItem').Resource).toEqual([`arn:aws-cn:dynamodb:cn-north-1:${ACCOUNT}:table/Ledger`]);
    expect(allActions(report)).toEqual(['dynamodb:GetItem']);
  });
});

describe('template placeholders', () => {
  it('use CloudFormation pseudo parameters instead of "*" when asked, without missing-context warnings', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 'Orders', Key: {} } }, { template: true });
    expect(grantOf(report, 'dynamodb:GetItem').Resource).toEqual(['arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Orders']);
    expect(warningsOf(report, 'missing-context')).toEqual([]);
  });
  it('keep what the definition says', () => {
    const report = derive(
      {
        StartAt: 'A',
        States: {
          A: { Type: 'Task', Resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:a`, Next: 'B' },
          B: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 'Orders', Key: {} }, End: true },
        },
      },
      { template: true },
    );
    expect(grantOf(report, 'dynamodb:GetItem').Resource).toEqual([`arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/Orders`]);
  });
});
