/**
 * `statecraft verify <before> <after> [--scenarios FILE]… [--history FILE]… [--mocks FILE]
 *   [--explore N] [--seed S] [--report FILE] [--json]`: checks that two versions of a workflow behave the same.
 * Exit codes: 0 no difference found, 1 a difference (counterexample printed), 2 bad usage or an
 * invalid definition. The verify engine is loaded only when the command runs.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { startCommand, UsageError, wholeNumber } from '../args';
import { type CommandIo, processIo } from '../command';
import { loadDefinition } from './run/load-definition';
import { readJsonFile } from '../read-json-file';

export const summary = 'Check that a changed workflow behaves like the old one (generated scenarios, your scenarios, AWS histories)';

const USAGE = `Usage: statecraft verify <before> <after> [options]

Each side is an .asl.json file or a workflow module, workflows/x.ts[#ExportName].
Runs both versions side by side on the virtual clock over a generated, coverage-guided suite
(inputs from every path and literal the definitions read, task answers and failures of every kind
they handle), your scenario files, MockConfigFile test cases and recorded AWS histories, and
compares what each does: the calls to the outside (resource, parameters, credentials, in order),
Wait durations and how it ends. State names and event ids do not count.

Options:
  --scenarios <file>   a scenario file (repeatable): {"name","input","answers":[{"resource",
                       "parameters"?, "result" | "error"+"cause" | "neverAnswers" | "job"}]}
  --history <file>     aws stepfunctions get-execution-history output (repeatable): replayed
                       against <after>, which must make the same calls and end the same way
  --mocks <file>       a MockConfigFile: each test case is run on both versions
  --explore <n>        generated scenarios at most (default 2000; 0: only yours)
  --seed <s>           seed of the generated suite (default 1)
  --report <file>      on a difference, write both versions' runs of the counterexample side by
                       side as one self-contained HTML page (paths coloured by outcome)
  --json               print the report as JSON
  -h, --help           show this help

Exit codes: 0 no difference found, 1 a difference (counterexample printed), 2 bad usage or invalid definition.
`;

const OPTIONS = {
  scenarios: { type: 'string', multiple: true },
  history: { type: 'string', multiple: true },
  mocks: { type: 'string' },
  explore: { type: 'string', parse: wholeNumber(0) },
  seed: { type: 'string', parse: wholeNumber(0) },
  report: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export async function run(args: string[], io: CommandIo = processIo): Promise<number> {
  const started = startCommand(
    {
      name: 'verify',
      usage: USAGE,
      options: OPTIONS,
      maxPositionals: Number.POSITIVE_INFINITY,
      check: ({ positionals }) => {
        if (positionals.length !== 2) throw new UsageError(`give two versions, <before> and <after> (got ${positionals.length}).`);
      },
    },
    args,
    io,
  );
  if (typeof started === 'number') return started;
  const parsed = { ...started.values, sides: started.positionals, histories: started.values.history };
  const fail = (problem: string) => {
    io.stderr(`statecraft verify: ${problem}\n`);
    return 2;
  };
  const loaded = [];
  for (const [i, side] of parsed.sides.entries()) {
    const [file, exportName] = side.split('#');
    const definition = await loadDefinition(file, exportName || undefined);
    if ('problem' in definition) return fail(`${i === 0 ? 'before' : 'after'} (${side}): ${definition.problem}`);
    loaded.push(definition);
  }
  const verify = await import('../../verify/index');
  const scenarios = [];
  for (const file of parsed.scenarios) {
    const read = await readJsonFile(file, `the scenario file ${file}`);
    if ('problem' in read) return fail(read.problem);
    try {
      scenarios.push(...verify.parseScenarioFile(read.value, file));
    } catch (error) {
      return fail((error as Error).message);
    }
  }
  const histories = [];
  for (const file of parsed.histories) {
    try {
      histories.push({ name: file, history: await readFile(file, 'utf8') });
    } catch (error) {
      return fail(`cannot read the history ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
  }
  let mockConfig: unknown;
  if (parsed.mocks !== undefined) {
    const read = await readJsonFile(parsed.mocks, `the mock file ${parsed.mocks}`);
    if ('problem' in read) return fail(read.problem);
    mockConfig = read.value;
  }
  const [before, after] = loaded;
  const name = after.name || before.name;
  let report;
  try {
    // A workflow module is given as the workflow, so verify draws task results from its result schemas.
    report = await verify.verifyEquivalence(before.workflow ?? before.definition, after.workflow ?? after.definition, {
      scenarios,
      histories,
      mockConfig,
      explore: parsed.explore,
      seed: parsed.seed,
      name,
      ...(parsed.report !== undefined ? { report: parsed.report, labels: { before: basename(parsed.sides[0]), after: basename(parsed.sides[1]) } } : {}),
    });
  } catch (error) {
    if (error instanceof verify.InvalidSideError) {
      const file = error.side === 'before' ? parsed.sides[0] : parsed.sides[1];
      return fail(`the ${error.side} version (${file}) is not a valid state machine:\n${error.problems.map((p) => `  ${p}`).join('\n')}`);
    }
    return fail((error as Error).message);
  }
  if (report.difference) {
    const files = { before: parsed.sides[0], after: parsed.sides[1] };
    report.difference.vitest = verify.vitestSnippet(name, report.difference.scenario, report.difference.description, files);
  }
  for (const warning of report.warnings) io.stderr(`statecraft verify: warning: ${warning}\n`);
  if (parsed.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (report.difference) io.stdout(`${verify.formatDifference(name, report)}${report.reportFile !== undefined ? `\nSide-by-side report: ${report.reportFile}\n` : ''}`);
  else {
    const uncovered = [...report.coverage.before.uncovered.map((u) => `  before: ${u}`), ...report.coverage.after.uncovered.map((u) => `  after: ${u}`)];
    io.stdout(`${verify.verdictLine(name, report)}\n${uncovered.length > 0 ? `Not covered:\n${uncovered.join('\n')}\n` : ''}`);
  }
  return report.equivalent ? 0 : 1;
}
