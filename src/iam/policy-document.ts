import type { AttributedNeed } from './permission-need';
import { mergeStatements } from './statement-merger';
import type { IamPolicyDocument, IamStatement, PrincipalPolicy } from './types';

export function policyDocument(statements: IamStatement[]): IamPolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/** The merged policy of a set of needs, or `null` when there are none. */
export function policyFor(needs: readonly AttributedNeed[]): PrincipalPolicy {
  if (needs.length === 0) return { policy: null, statements: [] };
  const { statements, uses } = mergeStatements(needs);
  return { policy: policyDocument(statements), statements: uses };
}

/** What the console gives a role that needs nothing: deny everything. */
export const DENY_ALL_STATEMENT: IamStatement = { Sid: 'DenyAll', Effect: 'Deny', Action: ['*'], Resource: ['*'] };
