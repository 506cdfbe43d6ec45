import type { IntegrationPattern } from '../asl/task-resource';
import type { ArnContext } from './arn-context';
import type { PayloadField } from './payload-field';
import type { PermissionNeed } from './permission-need';
import type { IamWarning } from './types';

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
