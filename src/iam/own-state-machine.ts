import type { ArnContext } from './arn-context';
import { parseArn } from './arn';
import type { ResourceRef } from './permission-need';
import type { DeriveIamOptions, IamWarning } from './types';

/** The state machine the policy is for, as far as the options tell. */
export interface OwnStateMachine {
  /** Its ARN (or a placeholder built from its name, or `*`). */
  machine: ResourceRef;
  /** Its executions, including the child executions of its distributed Map runs. */
  executions: ResourceRef[];
  /** Set when neither an ARN nor a name was given and the resources are `*`. */
  unknown: boolean;
}

/**
 * Resolves the machine's own ARN: `options.stateMachineArn`, else a placeholder in the machine's
 * region/account built from `options.stateMachineName`, else `*` (the caller warns).
 */
export function ownStateMachine(options: DeriveIamOptions, arns: ArnContext): OwnStateMachine {
  const given = options.stateMachineArn ? parseArn(options.stateMachineArn) : undefined;
  const fromArn = given && /^stateMachine:([A-Za-z0-9_-]+)/.exec(given.resource);
  if (given && fromArn) {
    const name = fromArn[1];
    const base = `arn:${given.partition}:states:${given.region}:${given.account}`;
    return {
      machine: { arn: `${base}:stateMachine:${name}`, label: name },
      executions: executionsOf(base, name),
      unknown: false,
    };
  }
  if (options.stateMachineName) {
    const name = options.stateMachineName;
    const base = `arn:${arns.partition}:states:${arns.region()}:${arns.account()}`;
    return { machine: { arn: `${base}:stateMachine:${name}`, label: name }, executions: executionsOf(base, name), unknown: false };
  }
  return { machine: { arn: '*' }, executions: [{ arn: '*' }], unknown: true };
}

// Map Run children are named `execution:<machine>/<map run>:<id>`; the machine's own executions
// `execution:<machine>:<id>`.
function executionsOf(base: string, name: string): ResourceRef[] {
  return [
    { arn: `${base}:execution:${name}:*`, label: name },
    { arn: `${base}:execution:${name}/*`, label: name },
  ];
}

export function unknownStateMachineWarning(state: string, purpose: string): IamWarning {
  return {
    kind: 'missing-context',
    state,
    message: `${purpose} needs the state machine's own ARN, which is unknown, so the resource is "*"; pass --state-machine-arn or --name (options.stateMachineArn / stateMachineName).`,
  };
}
