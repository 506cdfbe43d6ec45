/**
 * ARN parsing and building. ARNs are `arn:partition:service:region:account:resource`, where the
 * resource part may itself contain `:` and `/`.
 */

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

const ARN_PATTERN = /^arn:([a-z0-9-]+):([a-zA-Z0-9-]+):([a-z0-9-]*):([0-9a-z*-]*):(.+)$/;

/** Splits an ARN into its parts; `undefined` when the string is not an ARN. */
export function parseArn(value: string): ParsedArn | undefined {
  const match = ARN_PATTERN.exec(value);
  if (!match) return undefined;
  const [, partition, service, region, account, resource] = match;
  return { partition, service, region, account, resource };
}

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT_PATTERN = /^\d{12}$/;

export function isRegion(value: string): boolean {
  return REGION_PATTERN.test(value);
}

export function isAccount(value: string): boolean {
  return ACCOUNT_PATTERN.test(value);
}
