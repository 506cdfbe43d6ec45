import path from 'node:path';
import { Project, ts, type Diagnostic } from 'ts-morph';
import { BuildError } from './build-error';
import { displayPath } from './display-path';

/**
 * Type-checks the workflow modules with the project's tsconfig before anything imports them:
 * tsx strips types without checking them, so a workflow with a type error would otherwise
 * compile to ASL that does not match what its author meant.
 *
 * Every `.ts` file of the workflows folder is checked, sub-folders included (shared activities,
 * helpers). Diagnostics in the modules they import from elsewhere (the DSL) do not stop the
 * build: `npm run typecheck` reports those to their owners.
 *
 * @example
 * await typeCheckWorkflows('workflows', ['workflows/lottery.ts'], { tsConfigFilePath: 'tsconfig.json', cwd: process.cwd() });
 */
export async function typeCheckWorkflows(
  workflowsDir: string,
  files: readonly string[],
  options: { tsConfigFilePath: string; cwd: string },
): Promise<void> {
  const project = new Project({
    tsConfigFilePath: options.tsConfigFilePath,
    skipAddingFilesFromTsConfig: true,
  });
  const sourceFiles = [
    ...files.map((file) => project.addSourceFileAtPath(file)),
    ...project.addSourceFilesAtPaths([path.join(workflowsDir, '**/*.ts'), `!${path.join(workflowsDir, '**/*.d.ts')}`]),
  ].filter((sourceFile, index, all) => all.indexOf(sourceFile) === index);
  const diagnostics = sourceFiles.flatMap((sourceFile) =>
    sourceFile.getPreEmitDiagnostics().filter((diagnostic) => diagnostic.getCategory() === ts.DiagnosticCategory.Error),
  );
  if (diagnostics.length > 0) {
    const lines = diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, options.cwd));
    const count = diagnostics.length === 1 ? '1 type error' : `${diagnostics.length} type errors`;
    throw new BuildError(`${count} in the workflows; nothing was written:\n${lines.join('\n')}`);
  }
}

/** `workflows/lottery.ts:12:5 - error TS2322: Type 'string' is not assignable to type 'number'.` */
function formatDiagnostic(diagnostic: Diagnostic, cwd: string): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, '\n  ');
  const code = `error TS${diagnostic.getCode()}`;
  const sourceFile = diagnostic.getSourceFile();
  const start = diagnostic.getStart();
  if (!sourceFile || start === undefined) return `${code}: ${message}`;
  const { line, column } = sourceFile.getLineAndColumnAtPos(start);
  const file = displayPath(cwd, sourceFile.getFilePath());
  return `${file}:${line}:${column} - ${code}: ${message}`;
}
