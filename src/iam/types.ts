/**
 * Shapes of the IAM pass's output: a policy document in IAM's JSON grammar, plus the bookkeeping
 * a reviewer needs (which states need each statement, and why a statement is broader than ideal).
 */

export type IamEffect = 'Allow' | 'Deny';

/** `Condition` block: operator → condition key → value(s). */
export type IamCondition = Record<string, Record<string, string | string[]>>;

/** One statement of an IAM policy. */
export interface IamStatement {
  Sid: string;
  Effect: IamEffect;
  Action: string[];
  Resource: string[];
  Condition?: IamCondition;
}

/** An IAM policy document. */
export interface IamPolicyDocument {
  Version: '2012-10-17';
  Statement: IamStatement[];
}

/**
 * Why a warning was raised:
 * - `dynamic-resource`: a field comes from a path / intrinsic / JSONata / variable, so the statement uses `*`;
 * - `unknown-resource`: no rule knows this resource form; nothing was emitted for it;
 * - `partial-policy`: the emitted actions may not be all the call needs (AWS SDK integrations);
 * - `missing-context`: region/account/state machine name unknown, so an ARN holds `*`;
 * - `note`: something the user must add or know that the ASL cannot tell us.
 */
export type IamWarningKind = 'dynamic-resource' | 'unknown-resource' | 'partial-policy' | 'missing-context' | 'incomplete-policy' | 'note';

/** Something the IAM derivation could not pin down (a dynamic resource, an unknown action). */
export interface IamWarning {
  kind: IamWarningKind;
  /** The state that raised it (absent for machine-wide warnings). */
  state?: string;
  /** The field, as written in the ASL (`Parameters.FunctionName.$`, `Arguments.TableName`, `Resource`). */
  field?: string;
  message: string;
}

/** Which states need a statement (same order as the policy's `Statement`). */
export interface StatementUse {
  sid: string;
  states: string[];
}

/** A policy for some principal other than the execution role, with its bookkeeping. */
export interface PrincipalPolicy {
  /** `null` when that principal needs nothing (e.g. no activities in the machine). */
  policy: IamPolicyDocument | null;
  statements: StatementUse[];
}

/** The policy an activity worker's role needs (`GetActivityTask`, `SendTask*`). */
export interface ActivityWorkerPolicy extends PrincipalPolicy {
  /** Activity ARNs the machine's Task states name. */
  activities: string[];
}

/** The policy of whoever sends a callback task's token back (`SendTask*`). */
export interface CallbackSenderPolicy extends PrincipalPolicy {
  /** `.waitForTaskToken` states whose token someone must send back. */
  states: string[];
}

/** A role assumed through a Task's `Credentials`: the task's own permissions belong to it. */
export interface AssumedRolePolicy extends PrincipalPolicy {
  /** The role ARN, or `*` when `Credentials.RoleArn` is dynamic. */
  role: string;
  states: string[];
}

/** What `deriveIamPolicy` returns: the execution role's policy, the workers' policies and warnings. */
export interface IamReport {
  /** The execution role's policy (deny-all when the machine calls nothing). */
  policy: IamPolicyDocument;
  statements: StatementUse[];
  warnings: IamWarning[];
  /** Permissions for the principals that answer the machine: activity workers and callback senders. */
  workers: {
    activityWorkers: ActivityWorkerPolicy;
    callbackSenders: CallbackSenderPolicy;
  };
  /** Roles named in `Credentials.RoleArn`, with what each must allow for its tasks. */
  assumedRoles: AssumedRolePolicy[];
}

/** Options of `deriveIamPolicy`: region, account, state machine name or ARN. */
export interface DeriveIamOptions {
  /** The ARN of the state machine itself (distributed Map children, callback senders). */
  stateMachineArn?: string;
  /** The state machine's name, used for a placeholder ARN when `stateMachineArn` is not given. */
  stateMachineName?: string;
  /** Defaults: what the definition's ARNs agree on, else `aws` / `*` / `*`. */
  partition?: string;
  region?: string;
  account?: string;
  /**
   * Emit CloudFormation pseudo parameters (`\${AWS::Partition}`, `\${AWS::Region}`,
   * `\${AWS::AccountId}`) instead of `*` where the definition does not tell, for use in a template
   * (`Fn::Sub`).
   */
  template?: boolean;
  /** The state machine has CloudWatch Logs logging configured. */
  logging?: boolean;
  /** The state machine has X-Ray tracing enabled. */
  tracing?: boolean;
}
