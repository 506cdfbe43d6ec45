import type { Json, StateMachineDefinition } from '../asl/types';
import { isAccount, isRegion, parseArn } from './arn';
import { parseQueueUrl } from './queue-url';
import type { DeriveIamOptions, IamWarning } from './types';

/**
 * The partition, region and account that ARNs built from bare names (a DynamoDB table name, a
 * Lambda function name, a managed EventBridge rule) use. Explicit options win; otherwise the
 * values every ARN in the definition agrees on; otherwise CloudFormation pseudo parameters when
 * the caller asked for a template, else `*` — and the context remembers that it had to fall back
 * so the report can say so once.
 */
export interface ArnContext {
  readonly partition: string;
  region(): string;
  account(): string;
  /** `arn:<partition>:<service>:<region>:<account>:<resource>` in the machine's region and account. */
  arn(service: string, resource: string): string;
  /** One warning per value that was unknown (or ambiguous) and had to become `*`. */
  fallbackWarnings(): IamWarning[];
}

interface Observed {
  partitions: Set<string>;
  regions: Set<string>;
  accounts: Set<string>;
}

export function createArnContext(definition: StateMachineDefinition, options: DeriveIamOptions): ArnContext {
  const observed = observeArns(definition);
  const own = options.stateMachineArn ? parseArn(options.stateMachineArn) : undefined;
  const template = options.template === true;
  const partition = options.partition ?? own?.partition ?? single(observed.partitions) ?? (template ? '${AWS::Partition}' : 'aws');
  const region = options.region ?? own?.region ?? single(observed.regions) ?? (template ? '${AWS::Region}' : undefined);
  const account = options.account ?? own?.account ?? single(observed.accounts) ?? (template ? '${AWS::AccountId}' : undefined);
  const fellBack = new Set<'region' | 'account'>();

  const regionOrAny = (): string => {
    if (region) return region;
    fellBack.add('region');
    return '*';
  };
  const accountOrAny = (): string => {
    if (account) return account;
    fellBack.add('account');
    return '*';
  };

  return {
    partition,
    region: regionOrAny,
    account: accountOrAny,
    arn: (service, resource) => `arn:${partition}:${service}:${regionOrAny()}:${accountOrAny()}:${resource}`,
    fallbackWarnings: () =>
      [...fellBack].sort().map((what) => ({
        kind: 'missing-context' as const,
        message: describeFallback(what, what === 'region' ? observed.regions : observed.accounts),
      })),
  };
}

function describeFallback(what: 'region' | 'account', seen: Set<string>): string {
  const option = what === 'region' ? '--region (options.region)' : '--account (options.account)';
  const why =
    seen.size > 1
      ? `the definition names several ${what === 'region' ? 'regions' : 'accounts'} (${[...seen].sort().join(', ')})`
      : `the definition names no ${what}`;
  return `ARNs built from bare names use "*" for the ${what} because ${why}; pass ${option} to narrow them.`;
}

function single(values: Set<string>): string | undefined {
  return values.size === 1 ? [...values][0] : undefined;
}

/** Every ARN and SQS queue URL anywhere in the definition contributes what it names. */
function observeArns(definition: StateMachineDefinition): Observed {
  const observed: Observed = { partitions: new Set(), regions: new Set(), accounts: new Set() };
  const visit = (value: Json | undefined): void => {
    if (typeof value === 'string') {
      observeString(value, observed);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  visit(definition as unknown as Json);
  return observed;
}

function observeString(value: string, observed: Observed): void {
  const arn = parseArn(value);
  if (arn) {
    observed.partitions.add(arn.partition);
    if (isRegion(arn.region)) observed.regions.add(arn.region);
    if (isAccount(arn.account)) observed.accounts.add(arn.account);
    return;
  }
  const queue = parseQueueUrl(value);
  if (queue) {
    observed.regions.add(queue.region);
    observed.accounts.add(queue.account);
  }
}
