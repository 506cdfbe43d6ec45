import type { IamCondition, IamEffect } from './types';

/** One resource a need names, with the short name its statement's `Sid` is built from. */
export interface ResourceRef {
  arn: string;
  /** Readable name for the `Sid` (`ChargeFunction`); derived from the ARN when absent. */
  label?: string;
}

/**
 * What one state needs, before merging: the rules produce these, the merger turns them into
 * statements. `sid` is the statement's base name (`LambdaInvoke`); resource labels are appended.
 */
export interface PermissionNeed {
  sid: string;
  actions: string[];
  resources: ResourceRef[];
  condition?: IamCondition;
  effect?: IamEffect;
}

/** A need together with the state that has it (`undefined` for machine-wide needs like logging). */
export interface AttributedNeed {
  need: PermissionNeed;
  state: string | undefined;
}

export const ANY_RESOURCE: ResourceRef = { arn: '*' };
