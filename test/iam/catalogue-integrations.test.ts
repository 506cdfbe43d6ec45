/** Integrations IAM reads from the catalogue (issue 8, "IAM coverage"), unknown-only machines, WebSocket @connections. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/commands/iam';
import { ACCOUNT, REGION, deriveForState, grantOf, warningsOf } from './iam-test-support';

const ctx = { region: REGION, account: ACCOUNT };
const rule = (name: string) => `arn:aws:events:${REGION}:${ACCOUNT}:rule/${name}`;

describe('integrations from the catalogue', () => {
  it('athena:startQueryExecution.sync: start, poll and stop on "*" with a note', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::athena:startQueryExecution.sync', Parameters: { QueryString: 'SELECT 1', WorkGroup: 'primary' } }, ctx);
    expect(grantOf(report, 'athena:StartQueryExecution').Resource).toEqual(['*']);
    expect(grantOf(report, 'athena:GetQueryExecution').Resource).toEqual(['*']);
    expect(grantOf(report, 'athena:StopQueryExecution').Resource).toEqual(['*']);
    expect(warningsOf(report, 'partial-policy')[0].message).toContain('athena:startQueryExecution');
    expect(warningsOf(report, 'unknown-resource')).toEqual([]);
  });

  it('codebuild:startBuild.sync adds the CodeBuild managed rule (spelled GetEventFor)', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::codebuild:startBuild.sync', Parameters: { ProjectName: 'p' } }, ctx);
    expect(grantOf(report, 'codebuild:BatchGetBuilds').Resource).toEqual(['*']);
    expect(grantOf(report, 'events:PutRule').Resource).toEqual([rule('StepFunctionsGetEventForCodeBuildStartBuildRule')]);
  });

  it('sagemaker:createTrainingJob.sync passes the training role', () => {
    const role = `arn:aws:iam::${ACCOUNT}:role/SageMakerRole`;
    const report = deriveForState({ Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync', Parameters: { TrainingJobName: 'j', RoleArn: role } }, ctx);
    expect(grantOf(report, 'sagemaker:CreateTrainingJob').Resource).toEqual(['*']);
    expect(grantOf(report, 'sagemaker:DescribeTrainingJob').Resource).toEqual(['*']);
    expect(grantOf(report, 'iam:PassRole').Resource).toEqual([role]);
    expect(grantOf(report, 'events:PutRule').Resource).toEqual([rule('StepFunctionsGetEventsForSageMakerTrainingJobsRule')]);
  });

  it('EMR, EMR Serverless, EKS, MediaConvert, DataBrew and Bedrock model customization have permissions', () => {
    const cases: [string, string][] = [
      ['elasticmapreduce:createCluster.sync', 'elasticmapreduce:RunJobFlow'],
      ['elasticmapreduce:addStep', 'elasticmapreduce:AddJobFlowSteps'],
      ['emr-serverless:startJobRun.sync', 'emr-serverless:GetJobRun'],
      ['eks:createCluster', 'eks:CreateCluster'],
      ['mediaconvert:createJob.sync', 'mediaconvert:GetJob'],
      ['databrew:startJobRun.sync', 'databrew:StopJobRun'],
      ['bedrock:createModelCustomizationJob.sync', 'bedrock:GetModelCustomizationJob'],
    ];
    for (const [resource, action] of cases) {
      const report = deriveForState({ Resource: `arn:aws:states:::${resource}`, Parameters: {} }, ctx);
      expect(report.policy.Statement.flatMap((s) => s.Action), resource).toContain(action);
      expect(warningsOf(report, 'unknown-resource'), resource).toEqual([]);
    }
  });

  it('eks:runJob needs no role action (Kubernetes RBAC authorises it) and is not "unknown"', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::eks:runJob.sync', Parameters: { ClusterName: 'c' } }, ctx);
    expect(warningsOf(report, 'unknown-resource')).toEqual([]);
    expect(warningsOf(report, 'note').map((w) => w.message).join()).toContain('Kubernetes RBAC');
  });

  it('AWS SDK integrations for AWS Config and Lookout for Vision have a prefix', () => {
    const config = deriveForState({ Resource: 'arn:aws:states:::aws-sdk:config:putEvaluations', Parameters: {} }, ctx);
    expect(grantOf(config, 'config:PutEvaluations').Resource).toEqual(['*']);
    const vision = deriveForState({ Resource: 'arn:aws:states:::aws-sdk:lookoutvision:detectAnomalies', Parameters: {} }, ctx);
    expect(grantOf(vision, 'lookoutvision:DetectAnomalies').Resource).toEqual(['*']);
  });
});

describe('a machine that calls only unknown integrations', () => {
  const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::nosuchservice:doIt', End: true } } };

  it('gets no deny-all policy, an empty one and an incomplete-policy warning', async () => {
    const { deriveIamPolicy } = await import('../../src/iam/index');
    const report = deriveIamPolicy(definition as never, ctx);
    expect(report.policy.Statement).toEqual([]);
    expect(report.warnings.find((w) => w.kind === 'incomplete-policy')?.message).toContain('1 state(s) (T)');
    expect(report.warnings.find((w) => w.kind === 'unknown-resource')).toMatchObject({ state: 'T' });
  });

  it('keeps what is known when some calls are known', async () => {
    const { deriveIamPolicy } = await import('../../src/iam/index');
    const report = deriveIamPolicy(
      {
        StartAt: 'A',
        States: {
          A: { Type: 'Task', Resource: 'arn:aws:states:::nosuchservice:doIt', Next: 'B' },
          B: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/q`, MessageBody: 'x' }, End: true },
        },
      },
      ctx,
    );
    expect(grantOf(report, 'sqs:SendMessage').Resource).toEqual([`arn:aws:sqs:${REGION}:${ACCOUNT}:q`]);
    expect(report.policy.Statement.some((s) => s.Effect === 'Deny')).toBe(false);
    expect(report.warnings.some((w) => w.kind === 'incomplete-policy')).toBe(true);
  });

  it('a machine with only activities still gets deny-all', async () => {
    const { deriveIamPolicy } = await import('../../src/iam/index');
    const report = deriveIamPolicy({ StartAt: 'A', States: { A: { Type: 'Task', Resource: `arn:aws:states:${REGION}:${ACCOUNT}:activity:a`, End: true } } } as never, ctx);
    expect(report.policy.Statement).toEqual([{ Sid: 'DenyAll', Effect: 'Deny', Action: ['*'], Resource: ['*'] }]);
  });

  describe('statecraft iam --json', () => {
    afterEach(() => vi.restoreAllMocks());
    it('prints the (empty) policy on stdout and the warning on stderr', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'iam-unknown-'));
      const file = join(dir, 'unknown.asl.json');
      writeFileSync(file, JSON.stringify(definition));
      let stdout = '';
      let stderr = '';
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
      expect(await run([file, '--json'])).toBe(0);
      expect(JSON.parse(stdout).Statement).toEqual([]);
      expect(stderr).toContain('warning: the policy is incomplete');
    });
  });
});

describe('API Gateway WebSocket @connections', () => {
  const endpoint = 'abc123.execute-api.us-east-1.amazonaws.com';
  it('needs execute-api:ManageConnections on the @connections route, not Invoke', () => {
    const report = deriveForState(
      { Resource: 'arn:aws:states:::apigateway:invoke', Parameters: { ApiEndpoint: endpoint, Method: 'POST', Stage: 'prod', Path: '@connections/abc=', AuthType: 'IAM_ROLE' } },
      ctx,
    );
    expect(grantOf(report, 'execute-api:ManageConnections').Resource).toEqual([`arn:aws:execute-api:us-east-1:${ACCOUNT}:abc123/prod/POST/@connections/abc=`]);
    expect(report.policy.Statement.flatMap((s) => s.Action)).not.toContain('execute-api:Invoke');
  });

  it('a computed connection id is @connections/*', () => {
    const report = deriveForState(
      {
        Resource: 'arn:aws:states:::apigateway:invoke',
        Parameters: { ApiEndpoint: endpoint, Method: 'POST', Stage: 'prod', 'Path.$': "States.Format('@connections/{}', $.connectionId)", AuthType: 'IAM_ROLE' },
      },
      ctx,
    );
    expect(grantOf(report, 'execute-api:ManageConnections').Resource).toEqual([`arn:aws:execute-api:us-east-1:${ACCOUNT}:abc123/prod/POST/@connections/*`]);
  });
});
