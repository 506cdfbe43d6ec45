/** Optimized integrations beyond the reference table: Bedrock and API Gateway. */
import { describe, expect, it } from 'vitest';
import { ACCOUNT, REGION, deriveForState, grantOf, warningsOf } from './iam-test-support';

const ctx = { region: REGION, account: ACCOUNT };

describe('bedrock:invokeModel', () => {
  it('bedrock:InvokeModel on the foundation model, S3 input/output objects', () => {
    const report = deriveForState(
      {
        Resource: 'arn:aws:states:::bedrock:invokeModel',
        Parameters: {
          ModelId: 'amazon.titan-text-express-v1',
          Input: { S3Uri: 's3://prompts/in/request.json' },
          Output: { S3Uri: 's3://prompts/out/response.json' },
        },
      },
      ctx,
    );
    expect(grantOf(report, 'bedrock:InvokeModel').Resource).toEqual([`arn:aws:bedrock:${REGION}::foundation-model/amazon.titan-text-express-v1`]);
    expect(grantOf(report, 's3:GetObject').Resource).toEqual(['arn:aws:s3:::prompts/in/request.json']);
    expect(grantOf(report, 's3:PutObject').Resource).toEqual(['arn:aws:s3:::prompts/out/response.json']);
  });

  it('a model ARN is used as is; a computed one is "*"', () => {
    const arn = `arn:aws:bedrock:${REGION}:${ACCOUNT}:provisioned-model/abc123`;
    expect(grantOf(deriveForState({ Resource: 'arn:aws:states:::bedrock:invokeModel', Parameters: { ModelId: arn, Body: {} } }), 'bedrock:InvokeModel').Resource).toEqual([arn]);
    const dynamic = deriveForState({ Resource: 'arn:aws:states:::bedrock:invokeModel', Arguments: { ModelId: '{% $model %}', Body: {} } }, {}, 'JSONata');
    expect(grantOf(dynamic, 'bedrock:InvokeModel').Resource).toEqual(['*']);
    expect(warningsOf(dynamic, 'dynamic-resource')[0]).toMatchObject({ state: 'T', field: 'Arguments.ModelId' });
  });
});

describe('apigateway:invoke', () => {
  const endpoint = `a1b2c3d4e5.execute-api.${REGION}.amazonaws.com`;
  it('IAM_ROLE auth: execute-api:Invoke on the stage, method and path', () => {
    const report = deriveForState(
      { Resource: 'arn:aws:states:::apigateway:invoke', Parameters: { ApiEndpoint: endpoint, Method: 'get', Stage: 'prod', Path: '/pets/list', AuthType: 'IAM_ROLE' } },
      ctx,
    );
    expect(report.policy.Statement).toEqual([
      {
        Sid: 'ApiGatewayInvokeA1b2c3d4e5',
        Effect: 'Allow',
        Action: ['execute-api:Invoke'],
        Resource: [`arn:aws:execute-api:${REGION}:${ACCOUNT}:a1b2c3d4e5/prod/GET/pets/list`],
      },
    ]);
  });

  it('a computed path allows every path of the method', () => {
    const report = deriveForState(
      { Resource: 'arn:aws:states:::apigateway:invoke', Parameters: { ApiEndpoint: endpoint, Method: 'POST', Stage: 'prod', 'Path.$': '$.path', AuthType: 'RESOURCE_POLICY' } },
      ctx,
    );
    expect(grantOf(report, 'execute-api:Invoke').Resource).toEqual([`arn:aws:execute-api:${REGION}:${ACCOUNT}:a1b2c3d4e5/prod/POST/*`]);
  });

  it('NO_AUTH (the default) needs no permission', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::apigateway:invoke', Parameters: { ApiEndpoint: endpoint, Method: 'GET' } });
    expect(report.policy.Statement[0].Effect).toBe('Deny');
    expect(warningsOf(report)).toEqual([]);
  });
});
