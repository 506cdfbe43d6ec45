/**
 * The counterexample as a picture: both versions' runs of the difference's scenario side by side
 * in one self-contained HTML page (the diagram's run view, loaded only when a report is asked for).
 */
import { writeFile } from 'node:fs/promises';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { StateMachineDefinition } from '../asl/types';
import { scenarioFile } from './format';
import type { Difference } from './types';

/** One version's side of the report: its ASL and the history of its run of the scenario. */
export interface ReportSide {
  definition: unknown;
  history: () => readonly unknown[];
  label: string;
}

/**
 * Writes the side-by-side report of `difference` to `file`. Resolves to a sentence naming the
 * file when it cannot be written, else undefined.
 *
 * @example
 * const problem = await writeDifferenceReport('diff.html', 'OrderFlow', difference, before, after);
 */
export async function writeDifferenceReport(file: string, name: string, difference: Difference, before: ReportSide, after: ReportSide): Promise<string | undefined> {
  const { renderRunComparison } = await import('../diagram/run/run-view');
  const side = (s: ReportSide) => ({ definition: s.definition as StateMachineDefinition, history: s.history() as HistoryEvent[], title: `${name} · ${s.label}` });
  const html = await renderRunComparison(side(before), side(after), {
    title: `${name}: ${before.label} vs ${after.label}`,
    summary: `Behaviour changed (${difference.source}): ${difference.description}`,
    details: `Scenario both versions ran:\n${scenarioFile(difference.scenario)}`,
  });
  try {
    await writeFile(file, html);
    return undefined;
  } catch (error) {
    return `cannot write the report ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`;
  }
}
