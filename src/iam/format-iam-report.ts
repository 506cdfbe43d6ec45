import type { IamReport, IamWarning, PrincipalPolicy, StatementUse } from './types';

/**
 * Readable text for `statecraft iam`: the execution role's policy, which states need each
 * statement, the warnings, the workers' policies and the roles assumed through `Credentials`.
 *
 * @example
 * process.stdout.write(formatIamReport(deriveIamPolicy(definition)));
 */
export function formatIamReport(report: IamReport): string {
  const sections = [
    section(`Execution role policy (${count(report.policy.Statement.length, 'statement')})`, [
      json(report.policy),
      '',
      ...(report.policy.Statement.some((statement) => statement.Effect === 'Allow')
        ? ['Needed by:', ...usesLines(report.statements)]
        : ['The state machine calls nothing that needs a permission, so its role denies everything.']),
    ]),
    section(`Warnings (${report.warnings.length})`, report.warnings.length > 0 ? report.warnings.map(warningLine) : ['  none']),
    section('Workers', [
      ...principal(
        `Activity workers${report.workers.activityWorkers.activities.length > 0 ? ` (${report.workers.activityWorkers.activities.join(', ')})` : ''}`,
        report.workers.activityWorkers,
        'no activities',
      ),
      '',
      ...principal(
        `Callback senders${report.workers.callbackSenders.states.length > 0 ? ` (task tokens of ${report.workers.callbackSenders.states.join(', ')})` : ''}`,
        report.workers.callbackSenders,
        'no .waitForTaskToken states',
      ),
    ]),
  ];
  if (report.assumedRoles.length > 0) {
    sections.push(
      section(
        'Roles assumed through Credentials (each needs its tasks\' permissions and must trust the execution role)',
        report.assumedRoles.flatMap((role, index) => [
          ...(index > 0 ? [''] : []),
          ...principal(`${role.role} (for ${role.states.join(', ')})`, role, 'nothing derivable'),
        ]),
      ),
    );
  }
  return sections.join('\n\n') + '\n';
}

function section(title: string, lines: string[]): string {
  return [title, '-'.repeat(title.length), ...lines].join('\n');
}

function principal(title: string, policy: PrincipalPolicy, emptyText: string): string[] {
  if (!policy.policy) return [`${title}: ${emptyText}.`];
  return [`${title}:`, json(policy.policy), 'Needed by:', ...usesLines(policy.statements)];
}

function usesLines(uses: StatementUse[]): string[] {
  const width = Math.max(0, ...uses.map((use) => use.sid.length));
  return uses.map((use) => `  ${use.sid.padEnd(width)}  ${use.states.length > 0 ? use.states.join(', ') : '(whole state machine)'}`);
}

function warningLine(warning: IamWarning): string {
  const where = [warning.state ? `[${warning.state}]` : '', warning.field ?? ''].filter(Boolean).join(' ');
  return `  ${warning.kind}: ${where ? `${where}: ` : ''}${warning.message}`;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
