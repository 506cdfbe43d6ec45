import type { Reporter } from 'vitest/node';
import type { RunnerTask, RunnerTestFile } from 'vitest';

/**
 * Prints `tests: N passed, N failed[, N skipped]` alone on the last line, the plain form CI reads
 * to count tests whatever the runner (vitest's own summary is not in that form). `onFinished`
 * runs after the default reporter's summary, so this stays the closing line.
 */
export default class PlainSummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = []): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const visit = (task: RunnerTask): void => {
      if (task.type === 'suite') return task.tasks.forEach(visit);
      const state = task.result?.state;
      if (state === 'pass') counts.passed++;
      else if (state === 'fail') counts.failed++;
      else counts.skipped++;
    };
    files.forEach(visit);
    const tail = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
    process.stdout.write(`\ntests: ${counts.passed} passed, ${counts.failed} failed${tail}\n`);
  }
}
