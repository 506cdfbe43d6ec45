/**
 * SDK API names whose IAM action is not simply the PascalCase name (`getObject` → `s3:GetObject`
 * is the rule; these are the exceptions). Keyed `<iam-prefix>:<sdkAction>`.
 */
const EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  's3:listObjectsV2': ['ListBucket'],
  's3:listObjects': ['ListBucket'],
  's3:headObject': ['GetObject'],
  's3:headBucket': ['ListBucket'],
  's3:listBuckets': ['ListAllMyBuckets'],
  's3:listObjectVersions': ['ListBucketVersions'],
  's3:deleteObjects': ['DeleteObject'],
  's3:copyObject': ['GetObject', 'PutObject'],
  's3:createMultipartUpload': ['PutObject'],
  's3:uploadPart': ['PutObject'],
  's3:completeMultipartUpload': ['PutObject'],
  's3:uploadPartCopy': ['GetObject', 'PutObject'],
  's3:listParts': ['ListMultipartUploadParts'],
  's3:selectObjectContent': ['GetObject'],
  'lambda:invoke': ['InvokeFunction'],
  'lambda:invokeWithResponseStream': ['InvokeFunction'],
  'sqs:sendMessageBatch': ['SendMessage'],
  'sqs:deleteMessageBatch': ['DeleteMessage'],
  'sqs:changeMessageVisibilityBatch': ['ChangeMessageVisibility'],
  'sns:publishBatch': ['Publish'],
  'dynamodb:transactGetItems': ['GetItem'],
  'dynamodb:transactWriteItems': ['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
  'dynamodb:executeStatement': ['PartiQLSelect', 'PartiQLInsert', 'PartiQLUpdate', 'PartiQLDelete'],
  'bedrock:converse': ['InvokeModel'],
  'bedrock:converseStream': ['InvokeModelWithResponseStream'],
  'execute-api:postToConnection': ['ManageConnections'],
  'execute-api:getConnection': ['ManageConnections'],
  'execute-api:deleteConnection': ['ManageConnections'],
};

/** The IAM actions (without prefix) an SDK call needs. */
export function iamActionsForSdkAction(prefix: string, sdkAction: string): string[] {
  const exception = EXCEPTIONS[`${prefix}:${sdkAction}`];
  return exception ? [...exception] : [sdkAction.charAt(0).toUpperCase() + sdkAction.slice(1)];
}
