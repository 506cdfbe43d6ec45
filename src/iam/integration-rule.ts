import type { ArnContext } from './arn-context';
import type { PayloadField } from './payload-field';
import type { PermissionNeed } from './permission-need';
import type { IamWarning } from './types';

/** The suffix of an optimized integration's resource ARN. */
export type IntegrationPattern = 'request-response' | 'sync' | 'sync:2' | 'waitForTaskToken';

/** `.sync` and `.sync:2` both run a job to completion (they differ only in the output's form). */
export function isRunJob(pattern: IntegrationPattern): boolean {
  return pattern === 'sync' || pattern === 'sync:2';
}

/** What a rule sees of one Task state. */
export interface RuleInput {
  state: string;
  /** The API after the service (`invoke`, `submitJob`), without the pattern suffix. */
  api: string;
  pattern: IntegrationPattern;
  /** `Parameters` or `Arguments`. */
  payload: PayloadField;
  arns: ArnContext;
  warn(warning: Omit<IamWarning, 'state'>): void;
}

/**
 * One optimized integration (`arn:aws:states:::<service>:<api>[.<pattern>]`): which APIs and
 * patterns exist, and the permissions a call needs. Rules are data plus one function, so adding an
 * integration is adding a module to `integrations/` and a line to the table.
 */
export interface IntegrationRule {
  service: string;
  /** API → the patterns Step Functions supports for it. */
  apis: Readonly<Record<string, readonly IntegrationPattern[]>>;
  permissions(input: RuleInput): PermissionNeed[];
}
