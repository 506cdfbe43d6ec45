import { writeFile } from 'node:fs/promises';
import { renderRunReport, type RunViewInput } from './run-view';

/**
 * Writes the self-contained run report of an execution to `file` (`statecraft run --report`).
 * Resolves to a sentence naming the file when it cannot be written, else undefined.
 *
 * @example
 * const problem = await writeRunReportFile('run.html', { definition, history: execution.history(), title: 'OrderFlow' });
 */
export async function writeRunReportFile(file: string, input: RunViewInput): Promise<string | undefined> {
  const html = await renderRunReport(input);
  try {
    await writeFile(file, html);
    return undefined;
  } catch (error) {
    return `cannot write the report ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`;
  }
}
