import path from 'node:path';
import type { ChangeKind } from './plan-changes';
import type { BuildResult } from './run-build';

const WRITE_VERBS: Record<ChangeKind, string> = {
  create: 'created',
  update: 'updated',
  remove: 'removed',
  unchanged: 'unchanged',
};

// In check mode the words say what is wrong with the folder, not what the build would do.
const CHECK_PROBLEMS: Record<Exclude<ChangeKind, 'unchanged'>, string> = {
  create: 'missing',
  update: 'different',
  remove: 'extra',
};

/**
 * The text `statecraft build` prints for a finished build: every file with what happened to it
 * (or, with `--check`, only the stale ones and why), then a one-line summary with the time taken.
 */
export function formatBuildReport(result: BuildResult): string {
  const lines: string[] = [];
  for (const file of result.modulesWithoutWorkflows) {
    lines.push(
      `note: ${file} exports no workflow (export the value returned by workflow(...), or move shared code to a sub-folder).`,
    );
  }
  const where = (fileName: string) => path.join(result.outDir, fileName);
  const typeCheck = result.typeCheckCached
    ? ' (type-check cached)'
    : result.timings.typeCheckMs > 0
      ? ` (type-check ${formatSeconds(result.timings.typeCheckMs)})`
      : '';
  const seconds = `${formatSeconds(result.timings.totalMs)}${typeCheck}`;
  const summary = `${count(result.workflows.length, 'workflow')}, ${count(result.changes.filter((c) => c.kind !== 'remove').length, 'file')}`;

  if (result.check) {
    if (result.upToDate) {
      lines.push(`${result.outDir}/ is up to date: ${summary}, ${seconds}.`);
    } else {
      lines.push(`${result.outDir}/ is out of date:`);
      for (const change of result.changes) {
        if (change.kind !== 'unchanged') lines.push(`  ${CHECK_PROBLEMS[change.kind].padEnd(9)} ${where(change.fileName)}`);
      }
      lines.push(`Run 'npm run build' to update it.`);
    }
    return lines.join('\n') + '\n';
  }

  for (const change of result.changes) {
    lines.push(`  ${WRITE_VERBS[change.kind].padEnd(9)} ${where(change.fileName)}`);
  }
  const tally = (['create', 'update', 'remove', 'unchanged'] as const)
    .map((kind) => [kind, result.changes.filter((change) => change.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${WRITE_VERBS[kind]}`)
    .join(', ');
  lines.push(`Built ${summary} into ${result.outDir}/ (${tally}) in ${seconds}.`);
  return lines.join('\n') + '\n';
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
