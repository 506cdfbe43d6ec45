import type { StateMachineDefinition } from '../asl/types';
import { createArnContext } from './arn-context';
import { assumedRole } from './credentials';
import { mapNeeds } from './distributed-map';
import { ownStateMachine, unknownStateMachineWarning, type OwnStateMachine } from './own-state-machine';
import type { AttributedNeed, PermissionNeed } from './permission-need';
import { DENY_ALL_STATEMENT, policyDocument, policyFor } from './policy-document';
import { mergeStatements } from './statement-merger';
import { taskNeeds } from './task-needs';
import type { AssumedRolePolicy, DeriveIamOptions, IamReport, IamWarning } from './types';
import { walkStates } from '../asl/walk';
import { activityWorkerPolicy, callbackSenderPolicy } from './workers';

const LOGGING_NEED: PermissionNeed = {
  sid: 'CloudWatchLogsDelivery',
  actions: [
    'logs:CreateLogDelivery',
    'logs:GetLogDelivery',
    'logs:UpdateLogDelivery',
    'logs:DeleteLogDelivery',
    'logs:ListLogDeliveries',
    'logs:PutResourcePolicy',
    'logs:DescribeResourcePolicies',
    'logs:DescribeLogGroups',
  ],
  resources: [{ arn: '*' }],
};

const TRACING_NEED: PermissionNeed = {
  sid: 'XRayTracing',
  actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
  resources: [{ arn: '*' }],
};

/**
 * Derives the IAM policy a state machine's execution role needs from its ASL definition alone:
 * every Task `Resource` with its `Parameters`/`Arguments`, Map `ItemReader`/`ResultWriter` and
 * distributed mode, and `Credentials`, in nested branches and processors too. Static resources
 * are scoped to their ARNs; computed ones become `*` with a warning naming the state and field.
 * Also returns what activity workers and callback senders need, and the roles tasks assume.
 *
 * @example
 * const report = deriveIamPolicy({
 *   StartAt: 'Charge',
 *   States: { Charge: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:charge', End: true } },
 * });
 * report.policy.Statement[0];
 * // { Sid: 'LambdaInvokeCharge', Effect: 'Allow', Action: ['lambda:InvokeFunction'],
 * //   Resource: ['arn:aws:lambda:us-east-1:123456789012:function:charge', 'arn:aws:lambda:us-east-1:123456789012:function:charge:*'] }
 */
export function deriveIamPolicy(definition: StateMachineDefinition, options: DeriveIamOptions = {}): IamReport {
  assertDefinition(definition);
  const arns = createArnContext(definition, options);
  const warnings: IamWarning[] = [];
  const execution: AttributedNeed[] = [];
  const assumed = new Map<string, { states: string[]; needs: AttributedNeed[] }>();
  const activityUses: { activity: string; state: string }[] = [];
  const callbackStates: string[] = [];
  let own: OwnStateMachine | undefined;
  const ownMachine = (): OwnStateMachine => (own ??= ownStateMachine(options, arns));

  walkStates(definition, ({ name, state, queryLanguage }) => {
    const warn = (warning: Omit<IamWarning, 'state'>): void => {
      warnings.push({ kind: warning.kind, state: name, ...(warning.field ? { field: warning.field } : {}), message: warning.message });
    };
    const attribute = (needs: PermissionNeed[]): AttributedNeed[] => needs.map((need) => ({ need, state: name }));
    if (state.Type === 'Task') {
      const result = taskNeeds({ name, task: state, arns, warn });
      if (result.activity) activityUses.push({ activity: result.activity, state: name });
      if (result.waitsForToken) callbackStates.push(name);
      const role = assumedRole(state, queryLanguage, warn);
      if (role) {
        execution.push(...attribute([role.need]));
        const entry = assumed.get(role.role) ?? { states: [], needs: [] };
        entry.states.push(name);
        entry.needs.push(...attribute(result.needs));
        assumed.set(role.role, entry);
      } else {
        execution.push(...attribute(result.needs));
      }
    } else if (state.Type === 'Map') {
      const needs = mapNeeds({
        map: state,
        arns,
        own: ownMachine,
        warn,
        warnUnknownOwn: (purpose) => warnings.push(unknownStateMachineWarning(name, purpose)),
      });
      execution.push(...attribute(needs));
    }
  });

  if (options.logging) execution.push({ need: LOGGING_NEED, state: undefined });
  if (options.tracing) execution.push({ need: TRACING_NEED, state: undefined });

  const merged = mergeStatements(execution);
  const unknownStates = [...new Set(warnings.filter((w) => w.kind === 'unknown-resource').map((w) => w.state))];
  // Deny-all is AWS's answer for a machine that calls nothing (only activities, no tasks). A machine
  // whose calls this pass cannot read is not such a machine: it gets what is known, and a warning.
  const denyAll = merged.statements.length === 0 && unknownStates.length === 0;
  if (unknownStates.length > 0) warnings.push(incompletePolicyWarning(unknownStates, merged.statements.length));
  const callbackSenders = callbackSenderPolicy(callbackStates, ownMachine);
  const activityWorkers = activityWorkerPolicy(activityUses);
  warnings.push(...workerNotes(activityWorkers.activities, callbackStates, own));
  const report: IamReport = {
    policy: policyDocument(denyAll ? [DENY_ALL_STATEMENT] : merged.statements),
    statements: denyAll ? [{ sid: DENY_ALL_STATEMENT.Sid, states: [] }] : merged.uses,
    warnings,
    workers: { activityWorkers, callbackSenders },
    assumedRoles: [...assumed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([role, entry]): AssumedRolePolicy => ({
      role,
      states: entry.states,
      ...policyFor(entry.needs),
    })),
  };
  report.warnings.push(...arns.fallbackWarnings());
  return report;
}

function incompletePolicyWarning(states: (string | undefined)[], known: number): IamWarning {
  const names = states.filter((state): state is string => state !== undefined);
  return {
    kind: 'incomplete-policy',
    message:
      `the policy is incomplete: ${names.length} state(s) (${names.join(', ')}) call integrations this pass has no IAM rule for` +
      (known === 0 ? '; it has no statement yet — ' : '; ') +
      'add their permissions yourself before deploying.',
  };
}

function workerNotes(activities: string[], callbackStates: string[], own: OwnStateMachine | undefined): IamWarning[] {
  const notes: IamWarning[] = [];
  if (activities.length > 0) {
    notes.push({
      kind: 'note',
      message: `activity workers (not the execution role) need states:GetActivityTask and states:SendTask* on ${activities.join(', ')}; see the workers section.`,
    });
  }
  if (callbackStates.length > 0) {
    notes.push({
      kind: 'note',
      message: `whoever sends the task token back for ${callbackStates.join(', ')} needs states:SendTaskSuccess, states:SendTaskFailure and states:SendTaskHeartbeat; see the workers section.`,
    });
    if (own?.unknown) {
      notes.push({
        kind: 'missing-context',
        message:
          'the callback senders\' statement uses "*" because the state machine\'s ARN is unknown; pass --state-machine-arn or --name (options.stateMachineArn / stateMachineName).',
      });
    }
  }
  return notes;
}

function assertDefinition(definition: StateMachineDefinition): void {
  if (!definition || typeof definition !== 'object' || Array.isArray(definition)) {
    throw new TypeError('deriveIamPolicy: the definition must be an ASL document (a JSON object with StartAt and States).');
  }
  if (!definition.States || typeof definition.States !== 'object' || Array.isArray(definition.States)) {
    throw new TypeError('deriveIamPolicy: the definition has no "States" object; is this an ASL document?');
  }
}
