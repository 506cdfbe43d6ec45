/**
 * AWS SDK integration service names (`arn:aws:states:::aws-sdk:<service>:<action>`, the SDK
 * client's name in lower case) → IAM service prefixes.
 *
 * Most are the same string; the table lists both so an unknown service is detected rather than
 * guessed. The entries whose names differ are the pitfalls other tools get wrong: `sfn` → `states`,
 * `cloudwatchlogs` → `logs`, `eventbridge` → `events`, `emr` → `elasticmapreduce`, `acmpca` →
 * `acm-pca`, `mwaa` → `airflow`, `elasticloadbalancingv2` → `elasticloadbalancing`,
 * `bedrockagent` → `bedrock`, `mediapackagevod` → `mediapackage-vod`, ...
 */
export const SDK_SERVICE_PREFIXES: Readonly<Record<string, string>> = {
  // Names that differ from the IAM prefix.
  sfn: 'states',
  cloudwatchlogs: 'logs',
  cloudwatchevents: 'events',
  eventbridge: 'events',
  emr: 'elasticmapreduce',
  emrserverless: 'emr-serverless',
  emrcontainers: 'emr-containers',
  acmpca: 'acm-pca',
  mwaa: 'airflow',
  elasticloadbalancingv2: 'elasticloadbalancing',
  bedrockagent: 'bedrock',
  bedrockagentruntime: 'bedrock',
  bedrockruntime: 'bedrock',
  mediapackagevod: 'mediapackage-vod',
  mediapackagev2: 'mediapackagev2',
  apigatewayv2: 'apigateway',
  apigatewaymanagementapi: 'execute-api',
  applicationautoscaling: 'application-autoscaling',
  cognitoidentityprovider: 'cognito-idp',
  cognitoidentity: 'cognito-identity',
  cognitosync: 'cognito-sync',
  costexplorer: 'ce',
  configservice: 'config',
  dynamodbstreams: 'dynamodb',
  efs: 'elasticfilesystem',
  opensearch: 'es',
  elasticsearchservice: 'es',
  pinpoint: 'mobiletargeting',
  location: 'geo',
  lexmodelsv2: 'lex',
  lexruntimev2: 'lex',
  lexmodelbuildingservice: 'lex',
  lexruntime: 'lex',
  resourcegroupstaggingapi: 'tag',
  resourcegroups: 'resource-groups',
  sesv2: 'ses',
  timestreamwrite: 'timestream',
  timestreamquery: 'timestream',
  iotdata: 'iot',
  iotdataplane: 'iot',
  kinesisanalyticsv2: 'kinesisanalytics',
  sagemakerruntime: 'sagemaker',
  sagemakergeospatial: 'sagemaker-geospatial',
  rdsdata: 'rds-data',
  redshiftdata: 'redshift-data',
  redshiftserverless: 'redshift-serverless',
  docdb: 'rds',
  neptune: 'rds',
  ssoadmin: 'sso',
  ssooidc: 'sso-oauth',
  ssmincidents: 'ssm-incidents',
  ssmcontacts: 'ssm-contacts',
  ssmsap: 'ssm-sap',
  marketplacecatalog: 'aws-marketplace',
  marketplacemetering: 'aws-marketplace',
  codestarconnections: 'codestar-connections',
  codestarnotifications: 'codestar-notifications',
  appconfigdata: 'appconfig',
  ec2instanceconnect: 'ec2-instance-connect',
  s3control: 's3',
  ecrpublic: 'ecr-public',
  networkfirewall: 'network-firewall',
  vpclattice: 'vpc-lattice',
  cloudcontrol: 'cloudformation',
  cloudwatch: 'cloudwatch',
  kinesisvideoarchivedmedia: 'kinesisvideo',
  kinesisvideomedia: 'kinesisvideo',
  kinesisvideosignaling: 'kinesisvideo',
  pinpointemail: 'ses',
  pinpointsmsvoice: 'sms-voice',
  pinpointsmsvoicev2: 'sms-voice',
  servicequotas: 'servicequotas',
  route53recoverycontrolconfig: 'route53-recovery-control-config',
  route53recoveryreadiness: 'route53-recovery-readiness',
  transcribe: 'transcribe',
  mediastoredata: 'mediastore',
  migrationhub: 'mgh',
  lakeformation: 'lakeformation',
  elasticinference: 'elastic-inference',
  augmentedairuntime: 'sagemaker',
  comprehendmedical: 'comprehendmedical',
  // Names equal to the IAM prefix.
  ...Object.fromEntries(
    [
      'acm', 'account', 'amplify', 'apigateway', 'appconfig', 'appflow', 'appmesh', 'apprunner', 'appstream',
      'appsync', 'athena', 'auditmanager', 'autoscaling', 'backup', 'batch', 'bedrock', 'budgets', 'chime',
      'cloud9', 'cloudformation', 'cloudfront', 'cloudhsm', 'cloudsearch', 'cloudtrail', 'codeartifact',
      'codebuild', 'codecommit', 'codedeploy', 'codeguruprofiler', 'codepipeline', 'comprehend', 'config', 'connect',
      'databrew', 'dataexchange', 'datasync', 'dax', 'detective', 'devicefarm', 'directconnect', 'dlm', 'dms',
      'drs', 'ds', 'dynamodb', 'ebs', 'ec2', 'ecr', 'ecs', 'eks', 'elasticache', 'elasticbeanstalk',
      'elasticloadbalancing', 'elastictranscoder', 'firehose', 'fis', 'fms', 'forecast',
      'frauddetector', 'fsx', 'gamelift', 'glacier', 'globalaccelerator', 'glue', 'grafana', 'greengrass',
      'guardduty', 'health', 'healthlake', 'iam', 'identitystore', 'imagebuilder', 'inspector', 'inspector2',
      'iot', 'iotevents', 'iotsitewise', 'iotwireless', 'ivs', 'kafka', 'kafkaconnect', 'kendra', 'kinesis',
      'kinesisanalytics', 'kinesisvideo', 'kms', 'lambda', 'lightsail', 'logs', 'lookoutequipment', 'lookoutmetrics',
      'lookoutvision', 'macie2', 'mediaconvert',
      'medialive', 'mediapackage', 'mediastore', 'mediatailor', 'memorydb', 'mq', 'organizations', 'outposts',
      'personalize', 'pipes', 'polly', 'pricing', 'qldb', 'quicksight', 'ram', 'rds', 'redshift',
      'rekognition', 'route53', 'route53domains', 'route53resolver', 's3', 'sagemaker', 'savingsplans',
      'scheduler', 'schemas', 'secretsmanager', 'securityhub', 'securitylake', 'serverlessrepo',
      'servicecatalog', 'servicediscovery', 'ses', 'shield', 'signer', 'snowball', 'sns', 'sqs', 'ssm', 'sso',
      'states', 'storagegateway', 'sts', 'support', 'swf', 'synthetics', 'textract', 'transfer', 'translate',
      'verifiedpermissions', 'waf', 'wafv2', 'wellarchitected', 'workmail', 'workspaces', 'xray',
    ].map((name) => [name, name]),
  ),
};

/** The IAM prefix for an SDK service name, or `undefined` when the service is not in the table. */
export function iamPrefixForSdkService(service: string): string | undefined {
  return Object.hasOwn(SDK_SERVICE_PREFIXES, service) ? SDK_SERVICE_PREFIXES[service] : undefined;
}

/**
 * Every IAM prefix this pass may emit: the SDK table's plus those the optimized-integration rules
 * use. Tests check every emitted action against it.
 */
export const KNOWN_IAM_PREFIXES: ReadonlySet<string> = new Set([
  ...Object.values(SDK_SERVICE_PREFIXES),
  'lambda', 'sns', 'sqs', 'dynamodb', 'batch', 'ecs', 'glue', 'states', 'events', 'secretsmanager',
  's3', 'sts', 'iam', 'logs', 'xray', 'execute-api', 'bedrock',
]);
