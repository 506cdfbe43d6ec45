import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareStrings, GENERATED_SUFFIXES, type GeneratedFile } from './render-outputs';

/**
 * What the output folder needs to match the workflows: `create` (missing), `update` (different
 * bytes), `unchanged`, or `remove` (a generated file that no workflow produces any more).
 */
export type ChangeKind = 'create' | 'update' | 'unchanged' | 'remove';

export interface FileChange {
  kind: ChangeKind;
  fileName: string;
}

/** Compares the rendered files with the output folder's current content, without touching it. */
export async function planChanges(outDir: string, files: readonly GeneratedFile[]): Promise<FileChange[]> {
  const existing = await listGeneratedFiles(outDir);
  const changes: FileChange[] = [];
  for (const file of files) {
    if (!existing.has(file.fileName)) {
      changes.push({ kind: 'create', fileName: file.fileName });
      continue;
    }
    const current = await readFile(path.join(outDir, file.fileName), 'utf8');
    changes.push({ kind: current === file.content ? 'unchanged' : 'update', fileName: file.fileName });
  }
  const produced = new Set(files.map((file) => file.fileName));
  for (const fileName of existing) {
    if (!produced.has(fileName)) changes.push({ kind: 'remove', fileName });
  }
  return changes.sort((a, b) => compareStrings(a.fileName, b.fileName));
}

async function listGeneratedFiles(outDir: string): Promise<Set<string>> {
  try {
    const entries = await readdir(outDir, { withFileTypes: true });
    return new Set(
      entries
        .filter((entry) => entry.isFile() && GENERATED_SUFFIXES.some((suffix) => entry.name.endsWith(suffix)))
        .map((entry) => entry.name),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
}
