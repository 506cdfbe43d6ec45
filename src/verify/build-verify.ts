/**
 * `statecraft build --verify`: before the build writes anything, every workflow whose ASL differs
 * from the file in the output folder (the committed `generated/` version) is verified against it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDifference, verdictLine } from './format';
import { InvalidSideError } from './side';
import { verifyEquivalence } from './verify-equivalence';

/** What the build is about to write (the shape of `src/build`'s planned changes). */
export interface PendingBuild {
  outDir: string;
  changes: readonly { kind: string; fileName: string }[];
  files: readonly { fileName: string; content: string; workflowName: string }[];
}

/** What `npm run build -- --verify` found: the workflows whose behaviour changed and the text to print. */
export interface BuildVerification {
  /** Workflows whose behaviour changed. */
  changed: string[];
  /** What to print: one verdict per changed workflow, a counterexample per difference. */
  output: string;
}

/**
 * Verifies every updated `.asl.json` the build would write against the current one.
 *
 * @example
 * const { changed, output } = await verifyBuildChanges({ outDir, changes, files });
 * if (changed.length > 0 && !accept) throw new BuildError(`behaviour changed: ${changed.join(', ')}`);
 */
export async function verifyBuildChanges(pending: PendingBuild, options: { explore?: number; seed?: number } = {}): Promise<BuildVerification> {
  const changed: string[] = [];
  const lines: string[] = [];
  for (const change of pending.changes) {
    if (change.kind !== 'update' || !change.fileName.endsWith('.asl.json')) continue;
    const file = pending.files.find((f) => f.fileName === change.fileName);
    if (!file) continue;
    const name = file.workflowName;
    let before: unknown;
    try {
      before = JSON.parse(await readFile(path.join(pending.outDir, change.fileName), 'utf8'));
    } catch (error) {
      lines.push(`${name}: cannot verify: the current ${change.fileName} is not readable JSON (${(error as Error).message}).\n`);
      continue;
    }
    try {
      const report = await verifyEquivalence(before, JSON.parse(file.content), { name, explore: options.explore, seed: options.seed });
      if (report.equivalent) lines.push(`${verdictLine(name, report)}\n`);
      else {
        changed.push(name);
        lines.push(formatDifference(name, report));
      }
    } catch (error) {
      if (!(error instanceof InvalidSideError)) throw error;
      // The committed version no longer validates (the validator got stricter): nothing to compare with.
      lines.push(`${name}: cannot verify: ${error.message.split('\n')[0]}\n`);
    }
  }
  return { changed, output: lines.join('') };
}
