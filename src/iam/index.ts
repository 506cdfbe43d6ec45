/**
 * IAM hints: the execution role policy (and the workers' policies) derived from any ASL document.
 *
 * @example
 * import { deriveIamPolicy, formatIamReport } from 'statecraft/iam';
 * const report = deriveIamPolicy(definition, { region: 'us-east-1', account: '123456789012' });
 * writeFileSync('Order.iam.json', JSON.stringify(report.policy, null, 2));
 */
export { deriveIamPolicy } from './derive-iam-policy';
export { formatIamReport } from './format-iam-report';
export { SDK_SERVICE_PREFIXES, KNOWN_IAM_PREFIXES, iamPrefixForSdkService } from './sdk-service-prefixes';
export type {
  ActivityWorkerPolicy,
  AssumedRolePolicy,
  CallbackSenderPolicy,
  DeriveIamOptions,
  IamCondition,
  IamEffect,
  IamPolicyDocument,
  IamReport,
  IamStatement,
  IamWarning,
  IamWarningKind,
  PrincipalPolicy,
  StatementUse,
} from './types';
