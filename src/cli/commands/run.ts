/**
 * `statecraft run <file.asl.json | workflows/x.ts> [--input JSON | --input @file.json]
 *   [--mocks MockConfigFile.json --test-case NAME] [--json] ...`: runs a state machine locally on
 * the virtual clock with mocked tasks and prints the output and a readable history.
 * Exit codes: 0 succeeded, 1 failed / timed out / aborted, 2 bad usage or invalid definition.
 */
import { InvalidDefinitionError } from '../../asl/validate';
import type { Json, StateMachineDefinition } from '../../asl/types';
import { InMemoryS3, Interpreter, listTestCases, MockConfigError, type MockConfigFile, type StateMachineType } from '../../interpreter';
import { formatHistory, palette } from './run/format-history';
import { type CommandIo, processIo, startFileCommand } from '../command';
import { loadDefinition } from './run/load-definition';
import { loadS3Objects } from './run/s3-objects';
import { parseTypeOption } from './run/type-option';
import { parseJsonText, readJsonFile } from '../read-json-file';

export const summary = 'Run a state machine (ASL file or TypeScript workflow) locally with mocked tasks';

const USAGE = `Usage: statecraft run <file.asl.json | workflows/x.ts> [options]

Runs the state machine on a virtual clock (Waits and timeouts take no real time). Tasks are
answered by mocks from an AWS Step Functions Local MockConfigFile; a task without a mock fails
the execution at once with a message naming the state, except a .waitForTaskToken or activity
task, which waits (for its timeouts, the machine's TimeoutSeconds or the 1-year limit).
A "Return" is the task's result exactly as written (for lambda:invoke, the whole response with
"StatusCode" and "Payload"); an invocation no key of its response covers fails the execution.
For a .waitForTaskToken or activity task, a mocked response is what the callback or worker sent
back (Return = SendTaskSuccess output, Throw = SendTaskFailure). Statecraft extensions of a
mocked response: "NeverAnswers": true (the call never answers, so the state times out) and,
for .sync tasks, "DelaySeconds": n (the job runs n virtual seconds, then Returns or Throws).

Options:
  --input <json>           execution input as JSON text (default {})
  --input @<file.json>     execution input read from a file
  --mocks <file.json>      a MockConfigFile (StateMachines → TestCases, MockedResponses)
  --test-case <name>       the MockConfigFile test case to use (required with --mocks)
  --s3 <bucket/key=file>   an S3 object the execution can read (ItemReader); repeatable
  --s3-dir <dir>           S3 objects from a folder: <dir>/<bucket>/<key>
  --state-machine <name>   the state machine's name (default: the workflow name or file name);
                           also the MockConfigFile "StateMachines" key
  --workflow <name>        which exported workflow of a .ts file to run
  --type <STANDARD|EXPRESS> workflow type (default STANDARD, or the workflow's own)
  --start-time <iso>       virtual clock start (default now)
  --json                   print {"status","output","error","cause","history"} as JSON
  --report <file.html>     also write a self-contained HTML run report (graph, path, timeline)
  -h, --help               show this help

Exit codes: 0 succeeded, 1 failed / timed out / aborted, 2 bad usage or invalid definition.
`;

export interface RunIo extends CommandIo {
  /** Colours in the readable output. Default: stdout is a TTY. */
  colour: boolean;
}

const processRunIo: RunIo = { ...processIo, colour: Boolean(process.stdout.isTTY) };

interface RunArgs {
  file?: string;
  input?: string;
  mocks?: string;
  testCase?: string;
  stateMachine?: string;
  workflow?: string;
  type?: StateMachineType;
  startTime?: string;
  report?: string;
  s3: string[];
  s3Dir?: string;
  json: boolean;
  help: boolean;
}

const VALUE_FLAGS: Record<string, keyof RunArgs> = {
  '--input': 'input',
  '--mocks': 'mocks',
  '--test-case': 'testCase',
  '--state-machine': 'stateMachine',
  '--workflow': 'workflow',
  '--type': 'type',
  '--start-time': 'startTime',
  '--report': 'report',
  '--s3-dir': 's3Dir',
};

function parseArgs(args: string[]): RunArgs | string {
  const parsed: RunArgs = { json: false, help: false, s3: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '-h' || flag === '--help') parsed.help = true;
    else if (flag === '--json') parsed.json = true;
    else if (flag === '--s3') {
      const value = inline ?? args[++i];
      if (value === undefined) return '--s3 needs a value: bucket/key=file.';
      parsed.s3.push(value);
    } else if (flag in VALUE_FLAGS) {
      const value = inline ?? args[++i];
      if (value === undefined) return `${flag} needs a value.`;
      (parsed as unknown as Record<string, string>)[VALUE_FLAGS[flag]] = value;
    } else if (arg.startsWith('-')) return `unknown option '${arg}'.`;
    else if (parsed.file) return `only one file, got '${parsed.file}' and '${arg}'.`;
    else parsed.file = arg;
  }
  if (parsed.type !== undefined) {
    const type = parseTypeOption(parsed.type);
    if ('problem' in type) return type.problem;
    parsed.type = type.type;
  }
  if (parsed.testCase !== undefined && parsed.mocks === undefined) return '--test-case needs --mocks <MockConfigFile.json>.';
  return parsed;
}

/** `--input`: JSON text, or `@file.json`. */
async function readInputArgument(value: string): Promise<{ value: Json } | { problem: string }> {
  if (!value.startsWith('@')) return parseJsonText(value, 'the input');
  const file = value.slice(1);
  return readJsonFile(file, `the input file ${file}`);
}

export async function run(args: string[], io: RunIo = processRunIo): Promise<number> {
  const parsed = startFileCommand(
    { name: 'run', usage: USAGE, missingFile: 'which state machine? Give an .asl.json file or a workflow .ts file.' },
    parseArgs(args),
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const loaded = await loadDefinition(parsed.file, parsed.workflow);
  if ('problem' in loaded) {
    io.stderr(`statecraft run: ${loaded.problem}\n`);
    return 2;
  }
  const input = parsed.input === undefined ? { value: {} as Json } : await readInputArgument(parsed.input);
  if ('problem' in input) {
    io.stderr(`statecraft run: ${input.problem}\n`);
    return 2;
  }
  let mockConfig: MockConfigFile | undefined;
  if (parsed.mocks !== undefined) {
    const config = await readJsonFile(parsed.mocks, `the mock file ${parsed.mocks}`);
    if ('problem' in config) {
      io.stderr(`statecraft run: ${config.problem}\n`);
      return 2;
    }
    mockConfig = config.value as unknown as MockConfigFile;
    if (parsed.testCase === undefined) {
      io.stderr(`statecraft run: --mocks needs --test-case NAME to say which test case answers the tasks (test cases in ${parsed.mocks}: ${JSON.stringify(listTestCases(mockConfig))}).\n`);
      return 2;
    }
  }
  const s3Objects = await loadS3Objects(parsed.s3, parsed.s3Dir);
  if ('problem' in s3Objects) {
    io.stderr(`statecraft run: ${s3Objects.problem}\n`);
    return 2;
  }
  const name = parsed.stateMachine ?? mockMachineName(mockConfig, loaded.name);
  let sfn: Interpreter;
  try {
    // Objects are stamped with the virtual clock's time once the interpreter (and its clock) exist.
    let now = () => new Date();
    const s3 = new InMemoryS3({}, { now: () => now() });
    sfn = new Interpreter({ startTime: parsed.startTime, mockConfig, s3 });
    const clock = sfn.clock;
    now = () => new Date(clock.now());
    for (const [path, body] of Object.entries(s3Objects.value)) s3.putObject(path.slice(0, path.indexOf('/')), path.slice(path.indexOf('/') + 1), body);
  } catch (error) {
    if (error instanceof MockConfigError) {
      io.stderr(`statecraft run: the mock file ${parsed.mocks} cannot be used:\n${error.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return 2;
    }
    io.stderr(`statecraft run: ${(error as Error).message}\n`);
    return 2;
  }
  let execution;
  try {
    const machine = sfn.createStateMachine(loaded.definition, { name, type: parsed.type ?? loaded.type });
    execution = machine.startExecution(input.value, { testCase: parsed.testCase, mockHints: 'mock-file' });
  } catch (error) {
    if (error instanceof InvalidDefinitionError) {
      io.stderr(`statecraft run: ${parsed.file} is not a valid state machine.\n${error.message}\n`);
      return 2;
    }
    if (error instanceof MockConfigError) {
      io.stderr(`statecraft run: the mock file ${parsed.mocks} does not fit ${parsed.file}:\n${error.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return 2;
    }
    const known = mockConfig ? ` (test cases: ${JSON.stringify(listTestCases(mockConfig))})` : '';
    io.stderr(`statecraft run: ${(error as Error).message}${known}\n`);
    return 2;
  }
  const result = await execution.result;
  const history = execution.history();
  if (parsed.report !== undefined) {
    const { writeRunReportFile } = await import('../../diagram/run/write-report');
    const problem = await writeRunReportFile(parsed.report, { definition: loaded.definition as StateMachineDefinition, history, title: `${name} — execution ${execution.name}` });
    if (problem) io.stderr(`statecraft run: ${problem}\n`);
  }
  if (parsed.json) {
    io.stdout(`${JSON.stringify({ status: result.status, output: result.output, error: result.error, cause: result.cause, history }, null, 2)}\n`);
  } else {
    const p = palette(io.colour);
    const lines = [p.bold(`${name} (${parsed.type ?? loaded.type ?? 'STANDARD'}) — execution ${execution.name}`), ...formatHistory(history, p), ''];
    if (result.status === 'SUCCEEDED') lines.push(`${p.green(p.bold('SUCCEEDED'))}`, JSON.stringify(result.output, null, 2));
    else {
      const status = result.status === 'ABORTED' ? p.yellow(result.status) : p.red(p.bold(result.status));
      lines.push(status + (result.error !== undefined ? ` ${result.error}` : ''), ...(result.cause !== undefined ? [result.cause] : []));
    }
    io.stdout(`${lines.join('\n')}\n`);
  }
  return result.status === 'SUCCEEDED' ? 0 : 1;
}

/** The MockConfigFile key to use: the given name, or the file's only state machine. */
function mockMachineName(config: MockConfigFile | undefined, fallback: string): string {
  if (!config?.StateMachines || config.StateMachines[fallback]) return fallback;
  const names = Object.keys(config.StateMachines);
  return names.length === 1 ? names[0] : fallback;
}
