import type { ActionSpec } from '../asl/integrations/catalogue';
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
  /** The catalogue's entry for this API (patterns, IAM actions). */
  spec: ActionSpec;
  /** `Parameters` or `Arguments`. */
  payload: PayloadField;
  arns: ArnContext;
  warn(warning: Omit<IamWarning, 'state'>): void;
}

/**
 * The code part of one optimized integration (`arn:aws:states:::<service>:<api>[.<pattern>]`):
 * how to scope its permissions to the resources its payload names. Which APIs and patterns exist
 * and which actions they need is data in the one catalogue (`asl/integrations/catalogue.ts`);
 * integrations whose resources need no code have no rule and get the catalogue's actions on `*`.
 */
export interface IntegrationRule {
  service: string;
  /** The APIs this rule scopes with code (all of the service's APIs when absent). */
  handles?: readonly string[];
  permissions(input: RuleInput): PermissionNeed[];
}
