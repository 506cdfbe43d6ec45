/**
 * One thing wrong with the workflows, found by the type-check, the import of a module or the
 * compiler. `file` is the module it is in (absolute), so that the build can skip importing a
 * module whose types are already wrong; `message` is complete and starts with `file:line` where
 * one is known.
 */
export interface BuildProblem {
  kind: 'type' | 'load' | 'compile';
  file: string;
  message: string;
}

/**
 * A problem that stops the build before anything is written: a type error in `workflows/`, a
 * module that fails to load, a workflow that does not compile, two workflows with one name.
 * The message is complete and meant for the user as is (file, workflow and what to do).
 * `problems` lists each one when the build collected several (every failing module is reported,
 * not only the first).
 */
export class BuildError extends Error {
  override readonly name = 'BuildError';
  readonly problems: readonly BuildProblem[];

  constructor(message: string, problems: readonly BuildProblem[] = []) {
    super(message);
    this.problems = problems;
  }
}

const KIND_WORDS: Record<BuildProblem['kind'], [one: string, many: string]> = {
  type: ['type error', 'type errors'],
  load: ['module that does not load', 'modules that do not load'],
  compile: ['workflow problem', 'workflow problems'],
};

/**
 * One error for every problem found: a tally (`2 type errors and 1 module that does not load`),
 * then each problem, type errors first, then in the order found (file order).
 *
 * @example
 * throw problemsError(problems); // "1 type error and 1 workflow problem in the workflows; nothing was written: ..."
 */
export function problemsError(problems: readonly BuildProblem[]): BuildError {
  const order: BuildProblem['kind'][] = ['type', 'load', 'compile'];
  const sorted = [...problems].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const tally = order
    .map((kind) => [kind, problems.filter((problem) => problem.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`);
  const header = `${tally.length > 1 ? `${tally.slice(0, -1).join(', ')} and ${tally.at(-1)}` : tally[0]} in the workflows; nothing was written:`;
  // Type errors are one line each; the others may span lines, so a blank line separates them.
  const body = sorted.map((problem, i) => (i > 0 && problem.kind !== 'type' ? `\n${problem.message}` : problem.message));
  return new BuildError([header, ...body].join('\n'), sorted);
}
