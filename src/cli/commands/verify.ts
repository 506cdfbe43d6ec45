/**
 * `statecraft verify <before> <after> [--scenarios FILE]… [--history FILE]… [--mocks FILE]
 *   [--explore N] [--seed S] [--json]`: checks that two versions of a workflow behave the same.
 * Exit codes: 0 no difference found, 1 a difference (counterexample printed), 2 bad usage or an
 * invalid definition. The verify engine is loaded only when the command runs.
 */
import { readFile } from 'node:fs/promises';
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
  --json               print the report as JSON
  -h, --help           show this help

Exit codes: 0 no difference found, 1 a difference (counterexample printed), 2 bad usage or invalid definition.
`;

interface VerifyArgs {
  sides: string[];
  scenarios: string[];
  histories: string[];
  mocks?: string;
  explore?: number;
  seed?: number;
  json: boolean;
  help: boolean;
}

function parseArgs(args: string[]): VerifyArgs | string {
  const parsed: VerifyArgs = { sides: [], scenarios: [], histories: [], json: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 ? arg.slice(eq + 1) : args[++i]);
    if (flag === '-h' || flag === '--help') parsed.help = true;
    else if (flag === '--json') parsed.json = true;
    else if (flag === '--scenarios' || flag === '--history' || flag === '--mocks' || flag === '--explore' || flag === '--seed') {
      const v = value();
      if (v === undefined) return `${flag} needs a value.`;
      if (flag === '--scenarios') parsed.scenarios.push(v);
      else if (flag === '--history') parsed.histories.push(v);
      else if (flag === '--mocks') parsed.mocks = v;
      else {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) return `${flag} needs a whole number >= 0, got '${v}'.`;
        if (flag === '--explore') parsed.explore = n;
        else parsed.seed = n;
      }
    } else if (arg.startsWith('-')) return `unknown option '${arg}'.`;
    else parsed.sides.push(arg);
  }
  if (!parsed.help && parsed.sides.length !== 2) return `give two versions, <before> and <after> (got ${parsed.sides.length}).`;
  return parsed;
}

export async function run(args: string[], io: CommandIo = processIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`statecraft verify: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(USAGE);
    return 0;
  }
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
    report = await verify.verifyEquivalence(before.definition, after.definition, {
      scenarios,
      histories,
      mockConfig,
      explore: parsed.explore,
      seed: parsed.seed,
      name,
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
  else if (report.difference) io.stdout(verify.formatDifference(name, report));
  else {
    const uncovered = [...report.coverage.before.uncovered.map((u) => `  before: ${u}`), ...report.coverage.after.uncovered.map((u) => `  after: ${u}`)];
    io.stdout(`${verify.verdictLine(name, report)}\n${uncovered.length > 0 ? `Not covered:\n${uncovered.join('\n')}\n` : ''}`);
  }
  return report.equivalent ? 0 : 1;
}
