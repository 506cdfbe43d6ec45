import { isValidResourceName } from '../../asl/resource-names';
import { ApiError } from '../protocol/api-error';
import { LIMITS } from '../../asl/limits';

/** Where the server's resources live: every ARN it makes carries these. */
export interface ArnScope {
  region: string;
  accountId: string;
}

/** A parsed Step Functions ARN (`arn:aws:states:<region>:<account>:<type>:<rest>`). */
export interface StatesArn {
  type: 'stateMachine' | 'execution' | 'express' | 'activity' | 'mapRun';
  /** Everything after the type, split on ':'. */
  parts: string[];
}

const STATES_ARN = /^arn:aws[a-zA-Z-]*:states:([^:]*):([^:]*):(stateMachine|execution|express|activity|mapRun):(.+)$/;

/** Parses `arn` or throws AWS's `InvalidArn`. */
export function parseStatesArn(arn: string, allowed: readonly StatesArn['type'][]): StatesArn {
  const match = STATES_ARN.exec(arn);
  if (!match) throw new ApiError('InvalidArn', `Invalid Arn: '${arn}'`);
  const type = match[3] as StatesArn['type'];
  if (!allowed.includes(type)) throw new ApiError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${type}'`);
  return { type, parts: match[4].split(':') };
}

export function stateMachineArn(scope: ArnScope, name: string): string {
  return `arn:aws:states:${scope.region}:${scope.accountId}:stateMachine:${name}`;
}

/**
 * A state machine ARN, maybe qualified: `…:stateMachine:Name` (the latest revision),
 * `…:stateMachine:Name:3` (version 3) or `…:stateMachine:Name:prod` (alias `prod`).
 */
export interface MachineReference {
  baseArn: string;
  name: string;
  version?: number;
  alias?: string;
}

export function parseMachineReference(arn: string): MachineReference {
  const { parts } = parseStatesArn(arn, ['stateMachine']);
  const [name, qualifier, ...extra] = parts;
  if (extra.length > 0 || name === '') throw new ApiError('InvalidArn', `Invalid Arn: '${arn}'`);
  const baseArn = arn.slice(0, arn.length - (qualifier === undefined ? 0 : qualifier.length + 1));
  if (qualifier === undefined) return { baseArn, name };
  if (/^[1-9][0-9]*$/.test(qualifier)) return { baseArn, name, version: Number(qualifier) };
  return { baseArn, name, alias: qualifier };
}

/** Throws AWS's `InvalidName` unless `name` follows AWS's naming rule. */
export function checkName(name: string, max: number = LIMITS.nameLength): void {
  if (!isValidResourceName(name, max)) throw new ApiError('InvalidName', `Invalid Name: '${name}'`);
}
