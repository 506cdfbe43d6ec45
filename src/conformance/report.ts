import type { CaseOutcome } from './run-case';

/** The per-feature table: feature, cases, matching, percentage. */
export function featureTable(outcomes: readonly CaseOutcome[]): string {
  const byFeature = new Map<string, { total: number; matched: number }>();
  for (const o of outcomes) {
    const row = byFeature.get(o.feature) ?? { total: 0, matched: 0 };
    row.total++;
    if (o.matched) row.matched++;
    byFeature.set(o.feature, row);
  }
  const rows = [...byFeature.entries()].sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(7, ...rows.map(([f]) => f.length));
  const lines = [`${'feature'.padEnd(width)}  ${'match'.padStart(9)}  ${'%'.padStart(6)}`];
  for (const [feature, { total, matched }] of rows) {
    lines.push(`${feature.padEnd(width)}  ${`${matched}/${total}`.padStart(9)}  ${percent(matched, total).padStart(6)}`);
  }
  return lines.join('\n');
}

export function percent(n: number, total: number): string {
  return total === 0 ? '100.0%' : `${((n / total) * 100).toFixed(1)}%`;
}

/** `--failures`: one block per mismatch. */
export function failureReport(outcomes: readonly CaseOutcome[]): string {
  return outcomes
    .filter((o) => !o.matched)
    .map((o) =>
      [`✗ ${o.id} [${o.feature}]`, `  difference: ${o.difference}`, `  expected:   ${truncate(JSON.stringify(o.expected))}`, `  got:        ${truncate(typeof o.got === 'string' ? o.got : JSON.stringify(o.got))}`].join('\n'),
    )
    .join('\n\n');
}

function truncate(text: string, max = 2000): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

/** `--events`: how many recorded histories our event types reproduce (with `--failures`, which differ). */
export function eventReport(outcomes: readonly CaseOutcome[], details: boolean): string {
  const withEvents = outcomes.filter((o) => o.events);
  const matched = withEvents.filter((o) => o.events!.matched).length;
  const lines = details ? withEvents.filter((o) => !o.events!.matched).map((o) => `≠ ${o.id}\n  ${o.events!.difference}`) : [];
  lines.push(`history: ${matched}/${withEvents.length} recorded event sequences match (${percent(matched, withEvents.length)})`);
  return lines.join('\n');
}
