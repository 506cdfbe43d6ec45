import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { BuildError } from './build-error';

/**
 * The modules the build imports: the `.ts` files directly inside `workflowsDir`, sorted so
 * that the build reads them in the same order on every machine. Declaration files and tests
 * are skipped; sub-folders are for code the workflows share (activities, constants).
 */
export async function findWorkflowFiles(workflowsDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(workflowsDir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new BuildError(`The workflows folder '${workflowsDir}' does not exist. Create it, or pass --workflows DIR.`);
    }
    throw error;
  }
  const files = entries
    .filter((entry) => entry.isFile() && isWorkflowModuleName(entry.name))
    .map((entry) => path.join(workflowsDir, entry.name))
    .sort();
  if (files.length === 0) {
    throw new BuildError(`No workflow modules (*.ts) in '${workflowsDir}'. Add one that exports a workflow.`);
  }
  return files;
}

function isWorkflowModuleName(name: string): boolean {
  return name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts') && !name.endsWith('.test-d.ts');
}
