/**
 * `/work/shared/iam-reference.md`, "Per integration" table, row by row: each integration and
 * pattern with a static resource (scoped ARN) and a dynamic one (`*` plus a warning naming the
 * state and field), in both query languages.
 */
import { describe, expect, it } from 'vitest';
import { ACCOUNT, REGION, allActions, derive, deriveForState, grantOf, warningsOf } from './iam-test-support';

const FN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:charge-function`;
const ctx = { region: REGION, account: ACCOUNT };

describe('Lambda function ARN as the Resource (request-response)', () => {
  it('grants lambda:InvokeFunction on the function and its versions/aliases', () => {
    const report = deriveForState({ Resource: FN });
    expect(report.policy.Statement).toEqual([
      { Sid: 'LambdaInvokeChargeFunction', Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: [FN, `${FN}:*`] },
    ]);
    expect(report.statements).toEqual([{ sid: 'LambdaInvokeChargeFunction', states: ['T'] }]);
    expect(report.warnings).toEqual([]);
  });

  it('a qualified function ARN is exactly that alias', () => {
    const report = deriveForState({ Resource: `${FN}:prod` });
    expect(grantOf(report, 'lambda:InvokeFunction').Resource).toEqual([`${FN}:prod`]);
  });
});

describe('lambda:invoke', () => {
  for (const resource of ['arn:aws:states:::lambda:invoke', 'arn:aws:states:::lambda:invoke.waitForTaskToken']) {
    it(`${resource}: static FunctionName (name, partial ARN, full ARN) is scoped`, () => {
      for (const functionName of ['charge-function', `${ACCOUNT}:function:charge-function`, FN]) {
        const report = deriveForState({ Resource: resource, Parameters: { FunctionName: functionName, 'Payload.$': '$' } }, ctx);
        expect(grantOf(report, 'lambda:InvokeFunction').Resource).toEqual([FN, `${FN}:*`]);
        expect(warningsOf(report, 'dynamic-resource')).toEqual([]);
      }
    });
  }

  it('a path FunctionName (JSONPath) is "*" with a warning naming state and field', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'FunctionName.$': '$.fn' } });
    expect(grantOf(report, 'lambda:InvokeFunction').Resource).toEqual(['*']);
    expect(warningsOf(report, 'dynamic-resource')).toEqual([
      expect.objectContaining({ state: 'T', field: 'Parameters.FunctionName.$', message: expect.stringContaining('$.fn') }),
    ]);
  });

  it('an intrinsic FunctionName is dynamic', () => {
    const report = deriveForState({
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { 'FunctionName.$': "States.Format('fn-{}', $.env)" },
    });
    expect(grantOf(report, 'lambda:InvokeFunction').Resource).toEqual(['*']);
    expect(warningsOf(report, 'dynamic-resource')[0].field).toBe('Parameters.FunctionName.$');
  });

  it('a variable FunctionName is dynamic (JSONPath "$var")', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'FunctionName.$': '$fn' } });
    expect(grantOf(report, 'lambda:InvokeFunction').Resource).toEqual(['*']);
  });

  it('JSONata: a literal FunctionName is static, a {% %} one is dynamic', () => {
    const stat = deriveForState({ Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: FN, Payload: '{% $states.input %}' } }, {}, 'JSONata');
    expect(grantOf(stat, 'lambda:InvokeFunction').Resource).toEqual([FN, `${FN}:*`]);
    const dyn = deriveForState({ Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: '{% $fn %}' } }, {}, 'JSONata');
    expect(grantOf(dyn, 'lambda:InvokeFunction').Resource).toEqual(['*']);
    expect(warningsOf(dyn, 'dynamic-resource')).toEqual([
      expect.objectContaining({ state: 'T', field: 'Arguments.FunctionName', message: expect.stringContaining('{% $fn %}') }),
    ]);
  });

  it('JSONata: Arguments computed as a whole makes every field dynamic', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::lambda:invoke', Arguments: '{% $states.input.call %}' }, {}, 'JSONata');
    expect(grantOf(report, 'lambda:InvokeFunction').Resource).toEqual(['*']);
    expect(warningsOf(report, 'dynamic-resource')[0].field).toBe('Arguments');
  });
});

describe('sns:publish', () => {
  const topic = `arn:aws:sns:${REGION}:${ACCOUNT}:order-events`;
  for (const resource of ['arn:aws:states:::sns:publish', 'arn:aws:states:::sns:publish.waitForTaskToken']) {
    it(`${resource}: static TopicArn is scoped`, () => {
      const report = deriveForState({ Resource: resource, Parameters: { TopicArn: topic, Message: 'hi' } });
      expect(report.policy.Statement).toEqual([
        { Sid: 'SnsPublishOrderEvents', Effect: 'Allow', Action: ['sns:Publish'], Resource: [topic] },
      ]);
    });
  }
  it('dynamic TopicArn, TargetArn and PhoneNumber give "*" with a warning', () => {
    for (const [parameters, field] of [
      [{ 'TopicArn.$': '$.topic' }, 'Parameters.TopicArn.$'],
      [{ TargetArn: `arn:aws:sns:${REGION}:${ACCOUNT}:endpoint/APNS/app/1` }, 'Parameters.TargetArn'],
      [{ PhoneNumber: '+15555550100', Message: 'x' }, 'Parameters.PhoneNumber'],
    ] as const) {
      const report = deriveForState({ Resource: 'arn:aws:states:::sns:publish', Parameters: parameters });
      expect(grantOf(report, 'sns:Publish').Resource).toEqual(['*']);
      expect(warningsOf(report, 'dynamic-resource')).toEqual([expect.objectContaining({ state: 'T', field })]);
    }
  });
});

describe('sqs:sendMessage', () => {
  const queueArn = `arn:aws:sqs:${REGION}:${ACCOUNT}:approval-queue`;
  for (const resource of ['arn:aws:states:::sqs:sendMessage', 'arn:aws:states:::sqs:sendMessage.waitForTaskToken']) {
    it(`${resource}: the queue ARN is derived from QueueUrl`, () => {
      const report = deriveForState({
        Resource: resource,
        Parameters: { QueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/approval-queue`, MessageBody: { 'token.$': '$$.Task.Token' } },
      });
      expect(report.policy.Statement).toEqual([
        { Sid: 'SqsSendMessageApprovalQueue', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [queueArn] },
      ]);
    });
  }
  it('legacy, FIFO and China queue URLs', () => {
    const cases: [string, string][] = [
      [`https://queue.amazonaws.com/${ACCOUNT}/q1`, `arn:aws:sqs:us-east-1:${ACCOUNT}:q1`],
      [`https://eu-west-1.queue.amazonaws.com/${ACCOUNT}/q2.fifo`, `arn:aws:sqs:eu-west-1:${ACCOUNT}:q2.fifo`],
      [`https://sqs.cn-north-1.amazonaws.com.cn/${ACCOUNT}/q3`, `arn:aws-cn:sqs:cn-north-1:${ACCOUNT}:q3`],
    ];
    for (const [url, arn] of cases) {
      const report = deriveForState({ Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: url, MessageBody: 'x' } });
      expect(grantOf(report, 'sqs:SendMessage').Resource).toEqual([arn]);
    }
  });
  it('a dynamic or unreadable QueueUrl is "*" with a warning', () => {
    const dynamic = deriveForState({ Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { 'QueueUrl.$': '$.queue' } });
    expect(grantOf(dynamic, 'sqs:SendMessage').Resource).toEqual(['*']);
    expect(warningsOf(dynamic, 'dynamic-resource')[0]).toMatchObject({ state: 'T', field: 'Parameters.QueueUrl.$' });
    const odd = deriveForState({ Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: 'not a url' } });
    expect(grantOf(odd, 'sqs:SendMessage').Resource).toEqual(['*']);
    expect(warningsOf(odd, 'dynamic-resource')[0].message).toContain('not a queue URL');
  });
});

describe('dynamodb item APIs', () => {
  const table = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/Orders`;
  for (const [api, action] of [
    ['getItem', 'GetItem'],
    ['putItem', 'PutItem'],
    ['updateItem', 'UpdateItem'],
    ['deleteItem', 'DeleteItem'],
  ]) {
    it(`dynamodb:${api} → dynamodb:${action} on the table ARN built from TableName`, () => {
      const report = deriveForState({ Resource: `arn:aws:states:::dynamodb:${api}`, Parameters: { TableName: 'Orders', Key: {} } }, ctx);
      expect(report.policy.Statement).toEqual([
        { Sid: `DynamoDb${action}Orders`, Effect: 'Allow', Action: [`dynamodb:${action}`], Resource: [table] },
      ]);
    });
  }
  it('region and account come from other ARNs in the definition', () => {
    const report = derive({
      StartAt: 'Get',
      States: {
        Get: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 'Orders', Key: {} }, Next: 'Notify' },
        Notify: { Type: 'Task', Resource: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:notify`, End: true },
      },
    });
    expect(grantOf(report, 'dynamodb:GetItem').Resource).toEqual([`arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Orders`]);
    expect(warningsOf(report, 'missing-context')).toEqual([]);
  });
  it('explicit options win over what the definition says', () => {
    const report = derive(
      {
        StartAt: 'Get',
        States: {
          Get: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 'Orders', Key: {} }, Next: 'Notify' },
          Notify: { Type: 'Task', Resource: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:notify`, End: true },
        },
      },
      { region: 'us-west-2', account: '210987654321' },
    );
    expect(grantOf(report, 'dynamodb:GetItem').Resource).toEqual(['arn:aws:dynamodb:us-west-2:210987654321:table/Orders']);
  });
  it('several regions in the definition are ambiguous: "*" and a warning listing them', () => {
    const report = derive({
      StartAt: 'Get',
      States: {
        Get: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 'Orders', Key: {} }, Next: 'A' },
        A: { Type: 'Task', Resource: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:a`, Next: 'B' },
        B: { Type: 'Task', Resource: `arn:aws:lambda:us-east-2:${ACCOUNT}:function:b`, End: true },
      },
    });
    expect(grantOf(report, 'dynamodb:GetItem').Resource).toEqual([`arn:aws:dynamodb:*:${ACCOUNT}:table/Orders`]);
    expect(warningsOf(report, 'missing-context')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('several regions (eu-west-1, us-east-2)') }),
    ]);
  });
  it('without any region/account the ARN uses "*" and says so once', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 'Orders', Key: {} } });
    expect(grantOf(report, 'dynamodb:GetItem').Resource).toEqual(['arn:aws:dynamodb:*:*:table/Orders']);
    expect(warningsOf(report, 'missing-context').map((warning) => warning.message)).toEqual([
      expect.stringContaining('account'),
      expect.stringContaining('region'),
    ]);
  });
  it('TableName may be a table ARN; a dynamic one is "*"', () => {
    const arnReport = deriveForState({ Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: table, Item: {} } });
    expect(grantOf(arnReport, 'dynamodb:PutItem').Resource).toEqual([table]);
    const dyn = deriveForState({ Resource: 'arn:aws:states:::dynamodb:putItem', Arguments: { TableName: '{% $table %}', Item: {} } }, {}, 'JSONata');
    expect(grantOf(dyn, 'dynamodb:PutItem').Resource).toEqual(['*']);
    expect(warningsOf(dyn, 'dynamic-resource')[0]).toMatchObject({ state: 'T', field: 'Arguments.TableName' });
  });
});

describe('batch:submitJob', () => {
  const params = { JobName: 'render', JobDefinition: 'render-def', JobQueue: 'main-queue' };
  it('request-response: batch:SubmitJob on the job definition (any revision) and queue', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::batch:submitJob', Parameters: params }, ctx);
    const def = `arn:aws:batch:${REGION}:${ACCOUNT}:job-definition/render-def`;
    expect(report.policy.Statement).toEqual([
      {
        Sid: 'BatchSubmitJobRenderDefMainQueue',
        Effect: 'Allow',
        Action: ['batch:SubmitJob'],
        Resource: [def, `${def}:*`, `arn:aws:batch:${REGION}:${ACCOUNT}:job-queue/main-queue`],
      },
    ]);
  });
  it('.sync adds batch:DescribeJobs, batch:TerminateJob and the BatchJobs rule (what CDK omits)', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::batch:submitJob.sync', Parameters: params }, ctx);
    expect(allActions(report)).toEqual([
      'batch:DescribeJobs',
      'batch:SubmitJob',
      'batch:TerminateJob',
      'events:DescribeRule',
      'events:PutRule',
      'events:PutTargets',
    ]);
    expect(grantOf(report, 'batch:TerminateJob')).toEqual({ Effect: 'Allow', Action: ['batch:DescribeJobs', 'batch:TerminateJob'], Resource: ['*'] });
    expect(grantOf(report, 'events:PutRule').Resource).toEqual([
      `arn:aws:events:${REGION}:${ACCOUNT}:rule/StepFunctionsGetEventsForBatchJobsRule`,
    ]);
  });
  it('a revisioned job definition ARN is exact; a dynamic queue makes SubmitJob "*"', () => {
    const defArn = `arn:aws:batch:${REGION}:${ACCOUNT}:job-definition/render-def:3`;
    const exact = deriveForState({ Resource: 'arn:aws:states:::batch:submitJob', Parameters: { ...params, JobDefinition: defArn } }, ctx);
    expect(grantOf(exact, 'batch:SubmitJob').Resource).toContain(defArn);
    const dyn = deriveForState({ Resource: 'arn:aws:states:::batch:submitJob', Parameters: { JobName: 'x', JobDefinition: 'd', 'JobQueue.$': '$.queue' } }, ctx);
    expect(grantOf(dyn, 'batch:SubmitJob').Resource).toEqual(['*']);
    expect(warningsOf(dyn, 'dynamic-resource')[0]).toMatchObject({ state: 'T', field: 'Parameters.JobQueue.$' });
  });
});

describe('ecs:runTask', () => {
  const taskDef = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/worker:*`;
  it('request-response and .waitForTaskToken: ecs:RunTask on the task definition', () => {
    for (const resource of ['arn:aws:states:::ecs:runTask', 'arn:aws:states:::ecs:runTask.waitForTaskToken']) {
      const report = deriveForState({ Resource: resource, Parameters: { Cluster: 'c', TaskDefinition: 'worker' } }, ctx);
      expect(report.policy.Statement).toEqual([{ Sid: 'EcsRunTaskWorker', Effect: 'Allow', Action: ['ecs:RunTask'], Resource: [taskDef] }]);
      expect(warningsOf(report, 'note')[0].message).toContain('iam:PassRole');
    }
  });
  it('.sync adds ecs:StopTask, ecs:DescribeTasks on "*" and the ECSTask rule', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::ecs:runTask.sync', Parameters: { TaskDefinition: 'worker:7' } }, ctx);
    expect(grantOf(report, 'ecs:RunTask').Resource).toEqual([`arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/worker:7`]);
    expect(grantOf(report, 'ecs:StopTask')).toEqual({ Effect: 'Allow', Action: ['ecs:DescribeTasks', 'ecs:StopTask'], Resource: ['*'] });
    expect(grantOf(report, 'events:PutTargets').Resource).toEqual([`arn:aws:events:${REGION}:${ACCOUNT}:rule/StepFunctionsGetEventsForECSTaskRule`]);
  });
  it('iam:PassRole for task and execution roles given in Overrides', () => {
    const role = `arn:aws:iam::${ACCOUNT}:role/worker-task`;
    const report = deriveForState(
      {
        Resource: 'arn:aws:states:::ecs:runTask',
        Parameters: { TaskDefinition: 'worker', Overrides: { TaskRoleArn: role, 'ExecutionRoleArn.$': '$.execRole' } },
      },
      ctx,
    );
    expect(grantOf(report, 'iam:PassRole')).toEqual({
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: ['*'],
      Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    });
    expect(warningsOf(report, 'dynamic-resource')[0]).toMatchObject({ field: 'Parameters.Overrides.ExecutionRoleArn.$' });
    const onlyStatic = deriveForState(
      { Resource: 'arn:aws:states:::ecs:runTask', Parameters: { TaskDefinition: 'worker', Overrides: { TaskRoleArn: role } } },
      ctx,
    );
    expect(grantOf(onlyStatic, 'iam:PassRole').Resource).toEqual([role]);
  });
});

describe('glue:startJobRun', () => {
  it('request-response: glue:StartJobRun on "*" (AWS template), with a note', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::glue:startJobRun', Parameters: { JobName: 'etl' } });
    expect(report.policy.Statement).toEqual([{ Sid: 'GlueStartJobRunEtl', Effect: 'Allow', Action: ['glue:StartJobRun'], Resource: ['*'] }]);
    expect(warningsOf(report, 'note')).toEqual([expect.objectContaining({ state: 'T', field: 'Parameters.JobName' })]);
  });
  it('.sync adds glue:GetJobRun, glue:GetJobRuns, glue:BatchStopJobRun', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::glue:startJobRun.sync', Parameters: { JobName: 'etl' } });
    expect(allActions(report)).toEqual(['glue:BatchStopJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:StartJobRun']);
  });
});

describe('states:startExecution (nested workflows)', () => {
  const child = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:ChildFlow`;
  for (const resource of ['arn:aws:states:::states:startExecution', 'arn:aws:states:::states:startExecution.waitForTaskToken']) {
    it(`${resource}: states:StartExecution on the child only`, () => {
      const report = deriveForState({ Resource: resource, Parameters: { StateMachineArn: child, Input: {} } });
      expect(report.policy.Statement).toEqual([
        { Sid: 'StatesStartExecutionChildFlow', Effect: 'Allow', Action: ['states:StartExecution'], Resource: [child] },
      ]);
    });
  }
  for (const suffix of ['.sync', '.sync:2']) {
    it(`${suffix}: adds DescribeExecution/StopExecution on the child's executions and the StepFunctionsExecution rule`, () => {
      const report = deriveForState({ Resource: `arn:aws:states:::states:startExecution${suffix}`, Parameters: { StateMachineArn: child } });
      expect(grantOf(report, 'states:DescribeExecution')).toEqual({
        Effect: 'Allow',
        Action: ['states:DescribeExecution', 'states:StopExecution'],
        Resource: [`arn:aws:states:${REGION}:${ACCOUNT}:execution:ChildFlow:*`],
      });
      expect(grantOf(report, 'events:DescribeRule').Resource).toEqual([
        `arn:aws:events:${REGION}:${ACCOUNT}:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule`,
      ]);
    });
  }
  it('a dynamic StateMachineArn is "*" for start, describe and stop, with one warning', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { 'StateMachineArn.$': '$.child' } }, ctx);
    expect(grantOf(report, 'states:StartExecution').Resource).toEqual(['*']);
    expect(grantOf(report, 'states:StopExecution').Resource).toEqual(['*']);
    expect(warningsOf(report, 'dynamic-resource')).toEqual([expect.objectContaining({ state: 'T', field: 'Parameters.StateMachineArn.$' })]);
  });
});

describe('events:putEvents', () => {
  for (const resource of ['arn:aws:states:::events:putEvents', 'arn:aws:states:::events:putEvents.waitForTaskToken']) {
    it(`${resource}: each entry's bus; the default bus when none is named`, () => {
      const report = deriveForState(
        { Resource: resource, Parameters: { Entries: [{ Detail: {}, DetailType: 'a', Source: 's' }, { EventBusName: 'orders', Detail: {} }] } },
        ctx,
      );
      expect(grantOf(report, 'events:PutEvents').Resource).toEqual([
        `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`,
        `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/orders`,
      ]);
    });
  }
  it('a dynamic bus or entry list gives event-bus/* with a warning', () => {
    const report = deriveForState({ Resource: 'arn:aws:states:::events:putEvents', Parameters: { Entries: [{ 'EventBusName.$': '$.bus' }] } });
    expect(grantOf(report, 'events:PutEvents').Resource).toEqual(['arn:aws:events:*:*:event-bus/*']);
    expect(warningsOf(report, 'dynamic-resource')[0]).toMatchObject({ field: 'Parameters.Entries[0].EventBusName.$' });
    const whole = deriveForState({ Resource: 'arn:aws:states:::events:putEvents', Arguments: { Entries: '{% $states.input.entries %}' } }, {}, 'JSONata');
    expect(grantOf(whole, 'events:PutEvents').Resource).toEqual(['arn:aws:events:*:*:event-bus/*']);
    expect(warningsOf(whole, 'dynamic-resource')[0]).toMatchObject({ field: 'Arguments.Entries' });
  });
});

describe('http:invoke', () => {
  const connection = `arn:aws:events:${REGION}:${ACCOUNT}:connection/stripe/0a1b2c3d-aaaa-bbbb-cccc-111122223333`;
  it('InvokeHTTPEndpoint with endpoint/method conditions, the connection and its secret', () => {
    const report = deriveForState({
      Resource: 'arn:aws:states:::http:invoke',
      Parameters: { ApiEndpoint: 'https://api.stripe.com/v1/charges', Method: 'post', Authentication: { ConnectionArn: connection } },
    });
    expect(grantOf(report, 'states:InvokeHTTPEndpoint')).toEqual({
      Effect: 'Allow',
      Action: ['states:InvokeHTTPEndpoint'],
      Resource: ['*'],
      Condition: {
        StringEquals: { 'states:HTTPMethod': 'POST' },
        StringLike: { 'states:HTTPEndpoint': 'https://api.stripe.com/v1/charges' },
      },
    });
    expect(grantOf(report, 'events:RetrieveConnectionCredentials').Resource).toEqual([connection]);
    expect(grantOf(report, 'secretsmanager:GetSecretValue')).toEqual({
      Effect: 'Allow',
      Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
      Resource: [`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:events!connection/stripe/*`],
    });
  });
  it('dynamic endpoint and connection (JSONata): no endpoint condition, "*" connection, any connection secret', () => {
    const report = deriveForState(
      {
        Resource: 'arn:aws:states:::http:invoke',
        Arguments: { ApiEndpoint: '{% $url %}', Method: 'GET', Authentication: { ConnectionArn: '{% $conn %}' } },
      },
      {},
      'JSONata',
    );
    expect(grantOf(report, 'states:InvokeHTTPEndpoint').Condition).toEqual({ StringEquals: { 'states:HTTPMethod': 'GET' } });
    expect(grantOf(report, 'events:RetrieveConnectionCredentials').Resource).toEqual(['*']);
    expect(grantOf(report, 'secretsmanager:DescribeSecret').Resource).toEqual(['arn:aws:secretsmanager:*:*:secret:events!connection/*']);
    expect(warningsOf(report, 'dynamic-resource').map((warning) => warning.field)).toEqual([
      'Arguments.ApiEndpoint',
      'Arguments.Authentication.ConnectionArn',
    ]);
  });
});

describe('aws-sdk:<service>:<action>', () => {
  it('gives <iam-prefix>:<Action> on "*" and says it may be partial', () => {
    for (const resource of ['arn:aws:states:::aws-sdk:s3:getObject', 'arn:aws:states:::aws-sdk:s3:getObject.waitForTaskToken']) {
      const report = deriveForState({ Resource: resource, Parameters: { Bucket: 'b', Key: 'k' } });
      expect(report.policy.Statement).toEqual([{ Sid: 'S3GetObject', Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] }]);
      expect(warningsOf(report, 'partial-policy')).toEqual([expect.objectContaining({ state: 'T', field: 'Resource' })]);
    }
  });
  it('maps SDK service names to their IAM prefixes', () => {
    const cases: [string, string][] = [
      ['sfn:startSyncExecution', 'states:StartSyncExecution'],
      ['cloudwatchlogs:putLogEvents', 'logs:PutLogEvents'],
      ['eventbridge:putEvents', 'events:PutEvents'],
      ['emr:runJobFlow', 'elasticmapreduce:RunJobFlow'],
      ['acmpca:issueCertificate', 'acm-pca:IssueCertificate'],
      ['mwaa:createCliToken', 'airflow:CreateCliToken'],
      ['elasticloadbalancingv2:describeTargetHealth', 'elasticloadbalancing:DescribeTargetHealth'],
      ['bedrockagent:startIngestionJob', 'bedrock:StartIngestionJob'],
      ['mediapackagevod:describeAsset', 'mediapackage-vod:DescribeAsset'],
      ['dynamodb:query', 'dynamodb:Query'],
      ['s3:listObjectsV2', 's3:ListBucket'],
      ['lambda:invoke', 'lambda:InvokeFunction'],
    ];
    for (const [call, action] of cases) {
      const report = deriveForState({ Resource: `arn:aws:states:::aws-sdk:${call}`, Parameters: {} });
      expect(allActions(report), call).toEqual([action]);
    }
  });
});

describe('distributed Map', () => {
  const processor = {
    ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
    StartAt: 'P',
    States: { P: { Type: 'Pass', End: true } },
  };
  const machineArn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:Orders`;

  it('starts, describes and stops executions of the state machine itself', () => {
    const report = deriveForState({ Type: 'Map', ItemProcessor: processor }, { stateMachineArn: machineArn });
    expect(grantOf(report, 'states:StartExecution').Resource).toEqual([machineArn]);
    expect(grantOf(report, 'states:StopExecution')).toEqual({
      Effect: 'Allow',
      Action: ['states:DescribeExecution', 'states:StopExecution'],
      Resource: [`arn:aws:states:${REGION}:${ACCOUNT}:execution:Orders/*`, `arn:aws:states:${REGION}:${ACCOUNT}:execution:Orders:*`],
    });
    expect(report.warnings).toEqual([]);
  });

  it('uses a placeholder from the name, else "*" with a warning', () => {
    const named = deriveForState({ Type: 'Map', ItemProcessor: processor }, { stateMachineName: 'Orders', ...ctx });
    expect(grantOf(named, 'states:StartExecution').Resource).toEqual([machineArn]);
    const unknown = deriveForState({ Type: 'Map', ItemProcessor: processor });
    expect(grantOf(unknown, 'states:StartExecution').Resource).toEqual(['*']);
    expect(warningsOf(unknown, 'missing-context')).toEqual([expect.objectContaining({ state: 'T', message: expect.stringContaining('--state-machine-arn') })]);
  });

  it('ItemReader s3:getObject: s3:GetObject on the object', () => {
    const report = deriveForState(
      { Type: 'Map', ItemProcessor: processor, ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }, Parameters: { Bucket: 'data', Key: 'in/items.csv' } } },
      { stateMachineArn: machineArn },
    );
    expect(grantOf(report, 's3:GetObject').Resource).toEqual(['arn:aws:s3:::data/in/items.csv']);
  });

  it('ItemReader s3:listObjectsV2: s3:ListBucket on the bucket, limited to the prefix', () => {
    const report = deriveForState(
      { Type: 'Map', ItemProcessor: processor, ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'data', Prefix: 'in/' } } },
      { stateMachineArn: machineArn },
    );
    expect(grantOf(report, 's3:ListBucket')).toEqual({
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: ['arn:aws:s3:::data'],
      Condition: { StringLike: { 's3:prefix': 'in/*' } },
    });
  });

  it('ResultWriter: put/get/multipart actions on bucket/prefix*', () => {
    const report = deriveForState(
      { Type: 'Map', ItemProcessor: processor, ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'results', Prefix: 'runs/' } } },
      { stateMachineArn: machineArn },
    );
    expect(grantOf(report, 's3:PutObject')).toEqual({
      Effect: 'Allow',
      Action: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:PutObject'],
      Resource: ['arn:aws:s3:::results/runs/*'],
    });
  });

  it('dynamic reader bucket/key (JSONPath and JSONata) widen with warnings', () => {
    const path = deriveForState(
      { Type: 'Map', ItemProcessor: processor, ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'data', 'Key.$': '$.key' } } },
      { stateMachineArn: machineArn },
    );
    expect(grantOf(path, 's3:GetObject').Resource).toEqual(['arn:aws:s3:::data/*']);
    expect(warningsOf(path, 'dynamic-resource')[0]).toMatchObject({ state: 'T', field: 'ItemReader.Parameters.Key.$' });
    const jsonata = deriveForState(
      { Type: 'Map', ItemProcessor: processor, ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Arguments: { Bucket: '{% $bucket %}', Key: 'k' } } },
      { stateMachineArn: machineArn },
      'JSONata',
    );
    expect(grantOf(jsonata, 's3:GetObject').Resource).toEqual(['*']);
    expect(warningsOf(jsonata, 'dynamic-resource')[0]).toMatchObject({ field: 'ItemReader.Arguments.Bucket' });
  });

  it('an inline Map needs nothing', () => {
    const report = deriveForState({ Type: 'Map', ItemProcessor: { ...processor, ProcessorConfig: { Mode: 'INLINE' } } });
    expect(report.policy.Statement[0].Effect).toBe('Deny');
  });
});

describe('logging and X-Ray (when configured)', () => {
  it('adds the log delivery and tracing statements', () => {
    const report = deriveForState({ Resource: FN }, { logging: true, tracing: true });
    expect(grantOf(report, 'logs:CreateLogDelivery').Action).toEqual([
      'logs:CreateLogDelivery',
      'logs:DeleteLogDelivery',
      'logs:DescribeLogGroups',
      'logs:DescribeResourcePolicies',
      'logs:GetLogDelivery',
      'logs:ListLogDeliveries',
      'logs:PutResourcePolicy',
      'logs:UpdateLogDelivery',
    ]);
    expect(grantOf(report, 'xray:PutTraceSegments').Action).toEqual([
      'xray:GetSamplingRules',
      'xray:GetSamplingTargets',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
  });
});
