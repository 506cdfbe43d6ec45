import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileChange } from './plan-changes';
import type { GeneratedFile } from './render-outputs';

/**
 * Writes the created and updated files and deletes the removed ones. Each file is written to a
 * temporary name and renamed, so an interrupted build never leaves a half-written definition.
 */
export async function applyChanges(
  outDir: string,
  changes: readonly FileChange[],
  files: readonly GeneratedFile[],
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const contentByName = new Map(files.map((file) => [file.fileName, file.content]));
  for (const change of changes) {
    const target = path.join(outDir, change.fileName);
    if (change.kind === 'remove') {
      await rm(target, { force: true });
    } else if (change.kind === 'create' || change.kind === 'update') {
      const temporary = `${target}.${process.pid}.tmp`;
      await writeFile(temporary, contentByName.get(change.fileName)!, 'utf8');
      await rename(temporary, target);
    }
  }
}
