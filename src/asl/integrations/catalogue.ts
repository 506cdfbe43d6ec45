/**
 * The one catalogue of Step Functions' optimized service integrations
 * (`arn:<partition>:states:::<service>:<action>[.sync|.sync:2|.waitForTaskToken]`): per service and
 * action, the integration patterns AWS supports, the error names the service raises, and the IAM
 * actions its execution role needs. Plain data (`as const`), read by
 *
 * - the validator (`validate/task-resource.ts`): unknown action or unsupported pattern → `INVALID_RESOURCE`;
 * - the DSL's integration builders (`dsl/integrations`): `.sync` / `.waitForTaskToken` exist on a
 *   builder only where the catalogue lists them, at type level and at run time;
 * - IAM (`iam/task-needs.ts`): the actions below on `*` unless a rule module in `iam/integrations`
 *   scopes them with code (ARNs from the payload);
 * - the importer (turning ASL back into DSL calls).
 *
 * Sources: AWS Step Functions Developer Guide, "Optimized integrations for Step Functions"
 * (connect-supported-services.html: the pattern table), each service's "Call <service> with Step
 * Functions" page (its supported-API table) and "IAM policies for <service>" page (the actions and the
 * managed EventBridge rule of the generated policy). AWS SDK integrations (`aws-sdk:<service>:<action>`)
 * are not listed action by action: see {@link AWS_SDK_INTEGRATION}.
 *
 * @example
 * import { INTEGRATIONS, integrationAction } from 'statecraft/asl';
 * INTEGRATIONS.glue.actions.startJobRun.patterns; // ['request-response', 'sync']
 * integrationAction('sqs', 'sendMessage')?.patterns; // ['request-response', 'waitForTaskToken']
 */
import type { IntegrationPattern } from '../task-resource';

/** What IAM needs for one action, as AWS's generated policy grants it. */
export interface IamSpec {
  /** Actions every call needs (any pattern). */
  readonly actions: readonly string[];
  /** Added for `.sync` / `.sync:2`: polling (Describe/Get) and cancellation (Stop/Terminate/Cancel). */
  readonly syncActions?: readonly string[];
  /** The managed EventBridge rule `.sync` creates in the caller's account (full rule name). */
  readonly syncRule?: string;
  /** Payload fields that name roles the service assumes (`iam:PassRole` on them). */
  readonly passRoleFields?: readonly string[];
}

/** One action of an optimized integration. */
export interface ActionSpec {
  readonly patterns: readonly IntegrationPattern[];
  readonly iam: IamSpec;
}

/** One optimized integration service. */
export interface ServiceSpec {
  /** Human name, for messages. */
  readonly title: string;
  /** The prefix of the service's own error names (`DynamoDB` in `DynamoDB.ConditionalCheckFailedException`). */
  readonly errorPrefix: string;
  /** Error names the service is documented to raise (besides `States.*`); not exhaustive. */
  readonly errors: readonly string[];
  readonly actions: { readonly [action: string]: ActionSpec };
}

const RR = ['request-response'] as const;
const RR_SYNC = ['request-response', 'sync'] as const;
const RR_CALLBACK = ['request-response', 'waitForTaskToken'] as const;

/**
 * The optimized integrations, keyed by the service segment of the resource ARN, then by action
 * (camelCase, as in the ARN).
 */
export const INTEGRATIONS = {
  lambda: {
    title: 'AWS Lambda',
    errorPrefix: 'Lambda',
    errors: [
      'Lambda.ServiceException',
      'Lambda.AWSLambdaException',
      'Lambda.SdkClientException',
      'Lambda.TooManyRequestsException',
      'Lambda.ClientExecutionTimeoutException',
      'Lambda.Unknown',
      'Sandbox.Timedout',
    ],
    actions: { invoke: { patterns: RR_CALLBACK, iam: { actions: ['lambda:InvokeFunction'] } } },
  },
  sns: {
    title: 'Amazon SNS',
    errorPrefix: 'SNS',
    errors: ['SNS.AuthorizationErrorException', 'SNS.InvalidParameterException', 'SNS.NotFoundException', 'SNS.ThrottledException'],
    actions: { publish: { patterns: RR_CALLBACK, iam: { actions: ['sns:Publish'] } } },
  },
  sqs: {
    title: 'Amazon SQS',
    errorPrefix: 'SQS',
    errors: ['SQS.InvalidMessageContentsException', 'SQS.QueueDoesNotExistException', 'SQS.UnsupportedOperationException'],
    actions: { sendMessage: { patterns: RR_CALLBACK, iam: { actions: ['sqs:SendMessage'] } } },
  },
  dynamodb: {
    title: 'Amazon DynamoDB',
    errorPrefix: 'DynamoDB',
    errors: [
      'DynamoDB.ConditionalCheckFailedException',
      'DynamoDB.ProvisionedThroughputExceededException',
      'DynamoDB.ResourceNotFoundException',
      'DynamoDB.ItemCollectionSizeLimitExceededException',
      'DynamoDB.TransactionConflictException',
      'DynamoDB.RequestLimitExceeded',
      'DynamoDB.AmazonDynamoDBException',
    ],
    actions: {
      getItem: { patterns: RR, iam: { actions: ['dynamodb:GetItem'] } },
      putItem: { patterns: RR, iam: { actions: ['dynamodb:PutItem'] } },
      updateItem: { patterns: RR, iam: { actions: ['dynamodb:UpdateItem'] } },
      deleteItem: { patterns: RR, iam: { actions: ['dynamodb:DeleteItem'] } },
    },
  },
  batch: {
    title: 'AWS Batch',
    errorPrefix: 'Batch',
    errors: ['Batch.ClientException', 'Batch.ServerException'],
    actions: {
      submitJob: {
        patterns: RR_SYNC,
        iam: { actions: ['batch:SubmitJob'], syncActions: ['batch:DescribeJobs', 'batch:TerminateJob'], syncRule: 'StepFunctionsGetEventsForBatchJobsRule' },
      },
    },
  },
  ecs: {
    title: 'Amazon ECS/Fargate',
    errorPrefix: 'ECS',
    errors: ['ECS.AccessDeniedException', 'ECS.ClientException', 'ECS.InvalidParameterException', 'ECS.ServerException'],
    actions: {
      runTask: {
        patterns: ['request-response', 'sync', 'waitForTaskToken'],
        iam: { actions: ['ecs:RunTask'], syncActions: ['ecs:StopTask', 'ecs:DescribeTasks'], syncRule: 'StepFunctionsGetEventsForECSTaskRule' },
      },
    },
  },
  glue: {
    title: 'AWS Glue',
    errorPrefix: 'Glue',
    errors: ['Glue.ConcurrentRunsExceededException', 'Glue.EntityNotFoundException', 'Glue.InvalidInputException', 'Glue.ResourceNumberLimitExceededException'],
    actions: {
      startJobRun: { patterns: RR_SYNC, iam: { actions: ['glue:StartJobRun'], syncActions: ['glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'] } },
    },
  },
  states: {
    title: 'AWS Step Functions',
    errorPrefix: 'StepFunctions',
    errors: ['StepFunctions.ExecutionAlreadyExistsException', 'StepFunctions.ExecutionLimitExceededException', 'StepFunctions.StateMachineDoesNotExistException', 'StepFunctions.InvalidExecutionInputException'],
    actions: {
      startExecution: {
        patterns: ['request-response', 'sync', 'sync:2', 'waitForTaskToken'],
        iam: {
          actions: ['states:StartExecution'],
          syncActions: ['states:DescribeExecution', 'states:StopExecution'],
          syncRule: 'StepFunctionsGetEventsForStepFunctionsExecutionRule',
        },
      },
    },
  },
  events: {
    title: 'Amazon EventBridge',
    errorPrefix: 'EventBridge',
    errors: ['EventBridge.InternalException', 'EventBridge.AmazonEventBridgeException'],
    actions: { putEvents: { patterns: RR_CALLBACK, iam: { actions: ['events:PutEvents'] } } },
  },
  apigateway: {
    title: 'Amazon API Gateway',
    errorPrefix: 'ApiGateway',
    errors: [],
    actions: { invoke: { patterns: RR_CALLBACK, iam: { actions: ['execute-api:Invoke'] } } },
  },
  http: {
    title: 'HTTPS endpoints',
    errorPrefix: 'States.Http',
    errors: ['States.Http.Socket'],
    actions: { invoke: { patterns: RR, iam: { actions: ['states:InvokeHTTPEndpoint', 'events:RetrieveConnectionCredentials', 'secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] } } },
  },
  bedrock: {
    title: 'Amazon Bedrock',
    errorPrefix: 'Bedrock',
    errors: ['Bedrock.AccessDeniedException', 'Bedrock.ThrottlingException', 'Bedrock.ValidationException', 'Bedrock.ModelTimeoutException'],
    actions: {
      invokeModel: { patterns: RR, iam: { actions: ['bedrock:InvokeModel'] } },
      // "CreateModelCustomizationJob for Request Response, or CreateModelCustomizationJob.sync for Run a Job" (connect-bedrock).
      createModelCustomizationJob: {
        patterns: RR_SYNC,
        iam: {
          actions: ['bedrock:CreateModelCustomizationJob', 'bedrock:TagResource'],
          syncActions: ['bedrock:GetModelCustomizationJob', 'bedrock:StopModelCustomizationJob'],
          passRoleFields: ['RoleArn'],
        },
      },
    },
  },
  athena: {
    title: 'Amazon Athena',
    errorPrefix: 'Athena',
    errors: ['Athena.InternalServerException', 'Athena.InvalidRequestException', 'Athena.TooManyRequestsException'],
    actions: {
      // Athena's .sync polls (no managed rule); a query also reads the Glue Data Catalog and S3,
      // which the IAM report notes (connect-athena, athena-iam).
      startQueryExecution: {
        patterns: RR_SYNC,
        iam: { actions: ['athena:StartQueryExecution', 'athena:GetDataCatalog'], syncActions: ['athena:GetQueryExecution', 'athena:StopQueryExecution'] },
      },
      stopQueryExecution: { patterns: RR, iam: { actions: ['athena:StopQueryExecution'] } },
      getQueryExecution: { patterns: RR, iam: { actions: ['athena:GetQueryExecution'] } },
      getQueryResults: { patterns: RR, iam: { actions: ['athena:GetQueryResults'] } },
    },
  },
  codebuild: {
    title: 'AWS CodeBuild',
    errorPrefix: 'CodeBuild',
    errors: ['CodeBuild.AccountLimitExceededException', 'CodeBuild.InvalidInputException', 'CodeBuild.ResourceNotFoundException'],
    actions: {
      startBuild: {
        patterns: RR_SYNC,
        iam: { actions: ['codebuild:StartBuild'], syncActions: ['codebuild:StopBuild', 'codebuild:BatchGetBuilds'], syncRule: 'StepFunctionsGetEventForCodeBuildStartBuildRule' },
      },
      stopBuild: { patterns: RR, iam: { actions: ['codebuild:StopBuild'] } },
      batchDeleteBuilds: { patterns: RR, iam: { actions: ['codebuild:BatchDeleteBuilds'] } },
      batchGetReports: { patterns: RR, iam: { actions: ['codebuild:BatchGetReports'] } },
      startBuildBatch: {
        patterns: RR_SYNC,
        iam: { actions: ['codebuild:StartBuildBatch'], syncActions: ['codebuild:StopBuildBatch', 'codebuild:BatchGetBuildBatches'], syncRule: 'StepFunctionsGetEventForCodeBuildStartBuildBatchRule' },
      },
      stopBuildBatch: { patterns: RR, iam: { actions: ['codebuild:StopBuildBatch'] } },
      retryBuildBatch: {
        patterns: RR_SYNC,
        iam: { actions: ['codebuild:RetryBuildBatch'], syncActions: ['codebuild:StopBuildBatch', 'codebuild:BatchGetBuildBatches'], syncRule: 'StepFunctionsGetEventForCodeBuildStartBuildBatchRule' },
      },
      deleteBuildBatch: { patterns: RR, iam: { actions: ['codebuild:DeleteBuildBatch'] } },
    },
  },
  sagemaker: {
    title: 'Amazon SageMaker',
    errorPrefix: 'SageMaker',
    errors: ['SageMaker.AmazonSageMakerException', 'SageMaker.ResourceInUseException', 'SageMaker.ResourceLimitExceededException'],
    actions: {
      createEndpoint: { patterns: RR, iam: { actions: ['sagemaker:CreateEndpoint'] } },
      createEndpointConfig: { patterns: RR, iam: { actions: ['sagemaker:CreateEndpointConfig'] } },
      createHyperParameterTuningJob: {
        patterns: RR_SYNC,
        iam: {
          actions: ['sagemaker:CreateHyperParameterTuningJob'],
          syncActions: ['sagemaker:DescribeHyperParameterTuningJob', 'sagemaker:StopHyperParameterTuningJob', 'sagemaker:ListTags'],
          syncRule: 'StepFunctionsGetEventsForSageMakerTuningJobsRule',
          passRoleFields: ['TrainingJobDefinition.RoleArn'],
        },
      },
      createLabelingJob: {
        patterns: RR_SYNC,
        iam: {
          actions: ['sagemaker:CreateLabelingJob'],
          syncActions: ['sagemaker:DescribeLabelingJob', 'sagemaker:StopLabelingJob'],
          syncRule: 'StepFunctionsGetEventsForSageMakerLabelingJobsRule',
          passRoleFields: ['RoleArn'],
        },
      },
      createModel: { patterns: RR, iam: { actions: ['sagemaker:CreateModel'], passRoleFields: ['ExecutionRoleArn'] } },
      createProcessingJob: {
        patterns: RR_SYNC,
        iam: {
          actions: ['sagemaker:CreateProcessingJob'],
          syncActions: ['sagemaker:DescribeProcessingJob', 'sagemaker:StopProcessingJob'],
          syncRule: 'StepFunctionsGetEventsForSageMakerProcessingJobsRule',
          passRoleFields: ['RoleArn'],
        },
      },
      createTrainingJob: {
        patterns: RR_SYNC,
        iam: {
          actions: ['sagemaker:CreateTrainingJob'],
          syncActions: ['sagemaker:DescribeTrainingJob', 'sagemaker:StopTrainingJob'],
          syncRule: 'StepFunctionsGetEventsForSageMakerTrainingJobsRule',
          passRoleFields: ['RoleArn'],
        },
      },
      createTransformJob: {
        patterns: RR_SYNC,
        iam: {
          actions: ['sagemaker:CreateTransformJob'],
          syncActions: ['sagemaker:DescribeTransformJob', 'sagemaker:StopTransformJob'],
          syncRule: 'StepFunctionsGetEventsForSageMakerTransformJobsRule',
        },
      },
      updateEndpoint: { patterns: RR, iam: { actions: ['sagemaker:UpdateEndpoint'] } },
    },
  },
  elasticmapreduce: {
    title: 'Amazon EMR',
    errorPrefix: 'EMR',
    errors: ['EMR.InternalServerErrorException', 'EMR.InvalidRequestException'],
    actions: {
      createCluster: {
        patterns: RR_SYNC,
        iam: {
          actions: ['elasticmapreduce:RunJobFlow', 'elasticmapreduce:DescribeCluster', 'elasticmapreduce:TerminateJobFlows'],
          syncRule: 'StepFunctionsGetEventForEMRRunJobFlowRule',
          passRoleFields: ['ServiceRole', 'JobFlowRole', 'AutoScalingRole'],
        },
      },
      setClusterTerminationProtection: { patterns: RR, iam: { actions: ['elasticmapreduce:SetTerminationProtection'] } },
      modifyInstanceFleetByName: { patterns: RR, iam: { actions: ['elasticmapreduce:ModifyInstanceFleet', 'elasticmapreduce:ListInstanceFleets'] } },
      modifyInstanceGroupByName: { patterns: RR, iam: { actions: ['elasticmapreduce:ModifyInstanceGroups', 'elasticmapreduce:ListInstanceGroups'] } },
      terminateCluster: {
        patterns: RR_SYNC,
        iam: { actions: ['elasticmapreduce:TerminateJobFlows', 'elasticmapreduce:DescribeCluster'], syncRule: 'StepFunctionsGetEventForEMRTerminateJobFlowsRule' },
      },
      addStep: {
        patterns: RR_SYNC,
        iam: { actions: ['elasticmapreduce:AddJobFlowSteps', 'elasticmapreduce:DescribeStep', 'elasticmapreduce:CancelSteps'], syncRule: 'StepFunctionsGetEventForEMRAddJobFlowStepsRule' },
      },
      cancelStep: { patterns: RR, iam: { actions: ['elasticmapreduce:CancelSteps'] } },
    },
  },
  'emr-containers': {
    title: 'Amazon EMR on EKS',
    errorPrefix: 'EMRContainers',
    errors: [],
    actions: {
      createVirtualCluster: { patterns: RR, iam: { actions: ['emr-containers:CreateVirtualCluster'] } },
      deleteVirtualCluster: { patterns: RR_SYNC, iam: { actions: ['emr-containers:DeleteVirtualCluster'], syncActions: ['emr-containers:DescribeVirtualCluster'] } },
      startJobRun: {
        patterns: RR_SYNC,
        iam: { actions: ['emr-containers:StartJobRun'], syncActions: ['emr-containers:DescribeJobRun', 'emr-containers:CancelJobRun'], passRoleFields: ['ExecutionRoleArn'] },
      },
    },
  },
  'emr-serverless': {
    title: 'Amazon EMR Serverless',
    errorPrefix: 'EMRServerless',
    errors: [],
    actions: {
      createApplication: {
        patterns: RR_SYNC,
        iam: { actions: ['emr-serverless:CreateApplication'], syncActions: ['emr-serverless:GetApplication', 'emr-serverless:DeleteApplication'], syncRule: 'StepFunctionsGetEventsForEMRServerlessApplicationRule' },
      },
      startApplication: {
        patterns: RR_SYNC,
        iam: { actions: ['emr-serverless:StartApplication'], syncActions: ['emr-serverless:GetApplication', 'emr-serverless:StopApplication'], syncRule: 'StepFunctionsGetEventsForEMRServerlessApplicationRule' },
      },
      stopApplication: {
        patterns: RR_SYNC,
        iam: { actions: ['emr-serverless:StopApplication'], syncActions: ['emr-serverless:GetApplication'], syncRule: 'StepFunctionsGetEventsForEMRServerlessApplicationRule' },
      },
      deleteApplication: {
        patterns: RR_SYNC,
        iam: { actions: ['emr-serverless:DeleteApplication'], syncActions: ['emr-serverless:GetApplication'], syncRule: 'StepFunctionsGetEventsForEMRServerlessApplicationRule' },
      },
      startJobRun: {
        patterns: RR_SYNC,
        iam: {
          actions: ['emr-serverless:StartJobRun'],
          syncActions: ['emr-serverless:GetJobRun', 'emr-serverless:CancelJobRun'],
          syncRule: 'StepFunctionsGetEventsForEMRServerlessJobRule',
          passRoleFields: ['ExecutionRoleArn'],
        },
      },
      cancelJobRun: {
        patterns: RR_SYNC,
        iam: { actions: ['emr-serverless:CancelJobRun'], syncActions: ['emr-serverless:GetJobRun'], syncRule: 'StepFunctionsGetEventsForEMRServerlessJobRule' },
      },
    },
  },
  eks: {
    title: 'Amazon EKS',
    errorPrefix: 'EKS',
    errors: ['EKS.ClientException', 'EKS.InvalidParameterException', 'EKS.ResourceInUseException', 'EKS.ServerException'],
    actions: {
      createCluster: { patterns: RR_SYNC, iam: { actions: ['eks:CreateCluster', 'eks:DescribeCluster', 'eks:DeleteCluster'], passRoleFields: ['RoleArn'] } },
      deleteCluster: { patterns: RR_SYNC, iam: { actions: ['eks:DeleteCluster', 'eks:DescribeCluster'] } },
      createFargateProfile: {
        patterns: RR_SYNC,
        iam: { actions: ['eks:CreateFargateProfile', 'eks:DescribeFargateProfile', 'eks:DeleteFargateProfile'], passRoleFields: ['PodExecutionRoleArn'] },
      },
      deleteFargateProfile: { patterns: RR_SYNC, iam: { actions: ['eks:DeleteFargateProfile', 'eks:DescribeFargateProfile'] } },
      createNodegroup: {
        patterns: RR_SYNC,
        iam: {
          actions: ['ec2:DescribeSubnets', 'eks:CreateNodegroup', 'eks:DescribeNodegroup', 'eks:DeleteNodegroup', 'iam:GetRole', 'iam:ListAttachedRolePolicies'],
          passRoleFields: ['NodeRole'],
        },
      },
      deleteNodegroup: { patterns: RR_SYNC, iam: { actions: ['eks:DeleteNodegroup', 'eks:DescribeNodegroup'] } },
      // runJob and call talk to the Kubernetes API server: the cluster's RBAC authorises them; the
      // role needs no EKS action (connect-eks, "Permissions").
      runJob: { patterns: RR_SYNC, iam: { actions: [] } },
      call: { patterns: RR, iam: { actions: [] } },
    },
  },
  mediaconvert: {
    title: 'AWS Elemental MediaConvert',
    errorPrefix: 'MediaConvert',
    errors: ['MediaConvert.BadRequestException', 'MediaConvert.TooManyRequestsException'],
    actions: {
      createJob: {
        patterns: RR_SYNC,
        iam: { actions: ['mediaconvert:CreateJob'], syncActions: ['mediaconvert:GetJob', 'mediaconvert:CancelJob'], syncRule: 'StepFunctionsGetEventsForMediaConvertJobRule', passRoleFields: ['Role'] },
      },
    },
  },
  databrew: {
    title: 'AWS Glue DataBrew',
    errorPrefix: 'DataBrew',
    errors: ['DataBrew.ConflictException', 'DataBrew.ResourceNotFoundException', 'DataBrew.ServiceQuotaExceededException'],
    actions: {
      startJobRun: { patterns: RR_SYNC, iam: { actions: ['databrew:StartJobRun'], syncActions: ['databrew:ListJobRuns', 'databrew:StopJobRun'] } },
    },
  },
} as const satisfies { readonly [service: string]: ServiceSpec };

/**
 * Errors a Node.js Lambda function raises without declaring them. A function error reaches Step
 * Functions under the `errorType` of the function's error response (Lambda Developer Guide,
 * "Lambda function errors" / "AWS Lambda function errors in Node.js"): for an uncaught exception
 * the runtime reports the error's `name`, so JavaScript's built-in errors (`throw new Error(...)`,
 * a `TypeError` from a bad property read, ...) arrive as `Error`, `TypeError`, ...; failures of the
 * runtime itself are `Runtime.*` (a missing module, a handler that is not exported, a process that
 * exits). Any Node.js function can raise these, so a Task may catch them without declaring them.
 */
export const LAMBDA_NODEJS_RUNTIME_ERRORS = [
  'Error',
  'TypeError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'EvalError',
  'URIError',
  'AggregateError',
  'Runtime.ImportModuleError',
  'Runtime.HandlerNotFound',
  'Runtime.MalformedHandlerName',
  'Runtime.UserCodeSyntaxError',
  'Runtime.ExitError',
  'Runtime.Unknown',
] as const;

/**
 * AWS SDK integrations (`arn:aws:states:::aws-sdk:<service>:<action>`): over two hundred services,
 * request-response and `.waitForTaskToken`, never `.sync` ("Supported AWS SDK integrations" table).
 * IAM: `<iam-prefix>:<Action>` on `*` (see `iam/sdk-service-prefixes.ts`).
 */
export const AWS_SDK_INTEGRATION = {
  patterns: RR_CALLBACK,
} as const satisfies { readonly patterns: readonly IntegrationPattern[] };

/** A service segment the catalogue lists. */
export type IntegrationService = keyof typeof INTEGRATIONS;
/** The actions of one service. */
export type IntegrationActionName<S extends IntegrationService> = keyof (typeof INTEGRATIONS)[S]['actions'] & string;
/** The patterns one action supports, as a union (`'request-response' | 'sync'`). */
export type PatternsOf<S extends IntegrationService, A extends IntegrationActionName<S>> =
  (typeof INTEGRATIONS)[S]['actions'][A] extends { readonly patterns: readonly (infer P)[] } ? P : never;

/** The catalogue as a plain lookup (own properties only, so `constructor` is no service). */
export function integrationService(service: string): ServiceSpec | undefined {
  return Object.hasOwn(INTEGRATIONS, service) ? (INTEGRATIONS as Record<string, ServiceSpec>)[service] : undefined;
}

/** One action of a listed service, or `undefined`. */
export function integrationAction(service: string, action: string): ActionSpec | undefined {
  const spec = integrationService(service);
  return spec && Object.hasOwn(spec.actions, action) ? spec.actions[action] : undefined;
}

/** Every (service, action) pair, for tests and tools that walk the whole catalogue. */
export function catalogueEntries(): { service: string; action: string; spec: ActionSpec }[] {
  return Object.entries(INTEGRATIONS as Record<string, ServiceSpec>).flatMap(([service, svc]) =>
    Object.entries(svc.actions).map(([action, spec]) => ({ service, action, spec })),
  );
}
