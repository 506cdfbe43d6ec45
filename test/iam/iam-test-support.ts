import { expect } from 'vitest';
import type { Json, State, StateMachineDefinition } from '../../src/asl/types';
import { deriveIamPolicy, KNOWN_IAM_PREFIXES, type DeriveIamOptions, type IamPolicyDocument, type IamReport, type IamStatement } from '../../src/iam';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

/** A one-state machine around `task` (a Task unless it says otherwise), derived with `options`. */
export function deriveForState(state: Record<string, Json>, options: DeriveIamOptions = {}, queryLanguage?: 'JSONata'): IamReport {
  const definition: StateMachineDefinition = {
    ...(queryLanguage ? { QueryLanguage: queryLanguage } : {}),
    StartAt: 'T',
    States: { T: { Type: 'Task', End: true, ...state } as unknown as State },
  };
  return checked(deriveIamPolicy(definition, options));
}

/** Derives and checks the invariants every report must satisfy. */
export function derive(definition: StateMachineDefinition, options: DeriveIamOptions = {}): IamReport {
  return checked(deriveIamPolicy(definition, options));
}

function checked(report: IamReport): IamReport {
  // An empty policy is only right when the report says it is incomplete (unknown integrations).
  if (report.policy.Statement.length > 0 || !report.warnings.some((w) => w.kind === 'incomplete-policy')) expectWellFormedPolicy(report.policy);
  for (const principal of [report.workers.activityWorkers, report.workers.callbackSenders, ...report.assumedRoles]) {
    if (principal.policy) expectWellFormedPolicy(principal.policy);
  }
  expect(report.statements.map((use) => use.sid)).toEqual(report.policy.Statement.map((statement) => statement.Sid));
  return report;
}

/**
 * Every policy: IAM version, unique alphanumeric Sids, and every action `prefix:Action` with a
 * known prefix (or the deny-all `*`).
 */
export function expectWellFormedPolicy(policy: IamPolicyDocument): void {
  expect(policy.Version).toBe('2012-10-17');
  expect(policy.Statement.length).toBeGreaterThan(0);
  const sids = policy.Statement.map((statement) => statement.Sid);
  expect(new Set(sids).size).toBe(sids.length);
  for (const statement of policy.Statement) {
    expect(statement.Sid).toMatch(/^[A-Za-z0-9]+$/);
    expect(statement.Resource.length).toBeGreaterThan(0);
    for (const action of statement.Action) {
      if (action === '*' && statement.Effect === 'Deny') continue;
      const match = /^([a-z0-9-]+):([A-Z][A-Za-z0-9]*)$/.exec(action);
      expect(match, `action ${action} is not prefix:Action`).not.toBeNull();
      expect(KNOWN_IAM_PREFIXES.has(match![1]), `unknown IAM prefix in ${action}`).toBe(true);
    }
  }
}

/** The statement (without Sid) that grants `action`; fails when none or several do. */
export function grantOf(report: IamReport | IamPolicyDocument, action: string): Omit<IamStatement, 'Sid'> {
  const policy = 'policy' in report ? report.policy : report;
  const matches = policy.Statement.filter((statement) => statement.Action.includes(action));
  expect(matches, `statements granting ${action}`).toHaveLength(1);
  const { Sid: _sid, ...rest } = matches[0];
  return rest;
}

export function allActions(report: IamReport): string[] {
  return report.policy.Statement.flatMap((statement) => statement.Action).sort();
}

export function warningsOf(report: IamReport, kind?: string) {
  return report.warnings.filter((warning) => kind === undefined || warning.kind === kind);
}
