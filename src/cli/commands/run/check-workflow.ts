import path from 'node:path';
import type { Json } from '../../../asl/types';

/**
 * `statecraft run workflows/x.ts` type-checks the module before importing it: tsx strips types
 * without checking them, so a workflow with a type error would run as code its author did not
 * mean (issue 11: a `gt` of a string and a number compiled to the wrong operator). The check is
 * the build's (same tsconfig, same cache: a second run of an unchanged module skips it).
 * Returns the sentence to print, or `undefined` when the module is clean.
 *
 * @example
 * const problem = await typeCheckWorkflowModule('workflows/order.ts'); // undefined when clean
 */
export async function typeCheckWorkflowModule(file: string, cwd: string = process.cwd()): Promise<string | undefined> {
  // Loaded only for a .ts workflow: `run x.asl.json` never loads TypeScript.
  const [{ typeCheckModules, workflowTsConfig }, { BuildError }] = await Promise.all([import('../../../build/type-check-workflows'), import('../../../build/build-error')]);
  try {
    await typeCheckModules([file], { tsConfigFilePath: workflowTsConfig(path.dirname(path.resolve(cwd, file)), cwd), cwd });
    return undefined;
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    if (error.problems.length === 0) return error.message;
    const count = error.problems.length === 1 ? '1 type error' : `${error.problems.length} type errors`;
    return (
      `${file} has ${count}; nothing was run (fix them, or pass --no-typecheck to run it anyway):\n` +
      error.problems.map((problem) => `  ${problem.message}`).join('\n')
    );
  }
}

/**
 * What `run` needs of a workflow's input schema: the Standard Schema interface every zod v4 schema
 * (classic or `zod/mini`) implements. Calling it needs no zod of our own, and the user's zod copy
 * reports its own issues (the same messages and paths as its `safeParse`).
 */
export interface InputSchema {
  readonly '~standard': { validate(value: unknown): InputValidation | Promise<InputValidation> };
}

type InputValidation = { readonly issues?: undefined } | { readonly issues: readonly InputIssue[] };
interface InputIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

/**
 * Checks `--input` against the workflow's zod input schema (`workflow(name, { input })`) before
 * the run: an input the workflow's types do not describe would fail somewhere in the middle of the
 * execution, or worse, take a wrong branch. Resolves to the sentence to print (naming the workflow
 * and each field, as its zod issue path), or `undefined` when the input fits.
 *
 * @example
 * await describeInputMismatch(Order, { order: { total: 'x' } }, 'OrderFlow', 'workflows/order.ts');
 * // "--input does not match the input schema of workflow 'OrderFlow' (workflows/order.ts) ...
 * //   - order.total: Invalid input: expected number, received string"
 */
export async function describeInputMismatch(schema: InputSchema, input: Json, workflowName: string, file: string): Promise<string | undefined> {
  // A schema with async refinements answers with a promise.
  const result = await schema['~standard'].validate(input);
  if (!result.issues) return undefined;
  const issues = result.issues.map((issue) => `  - ${formatIssuePath((issue.path ?? []).map((key) => (typeof key === 'object' ? key.key : key)))}: ${issue.message}`);
  return `--input does not match the input schema of workflow '${workflowName}' (${file}); nothing was run:\n${issues.join('\n')}\nFix the input (or the schema in workflow('${workflowName}', { input })).`;
}

/** `order.items[0].total`; the input itself is `(the input)`. */
function formatIssuePath(issuePath: readonly PropertyKey[]): string {
  if (issuePath.length === 0) return '(the input)';
  return issuePath
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `${i === 0 ? '' : '.'}${String(key)}` : `[${JSON.stringify(String(key))}]`))
    .join('');
}
