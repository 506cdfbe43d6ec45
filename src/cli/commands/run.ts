/**
 * `statecraft run <file.asl.json | workflows/x.ts> [--input JSON | --input @file.json]
 *   [--mocks MockConfigFile.json --test-case NAME] [--json] ...`: runs a state machine locally on
 * the virtual clock with mocked tasks and prints the output and a readable history.
 * Exit codes: 0 succeeded, 1 failed / timed out / aborted, 2 bad usage or invalid definition.
 */
import type { Json, StateMachineDefinition } from '../../asl/types';
// Only types at the top: `statecraft --help` imports this module; the interpreter loads in `run`.
import type { Interpreter, MockConfigFile } from '../../interpreter';
import { formatHistory, palette } from './run/format-history';
import { stateMachineTypeOption, startFileCommand, UsageError } from '../args';
import { type CommandIo, processIo } from '../command';
import { loadDefinition } from './run/load-definition';
import { describeInputMismatch } from './run/check-workflow';
import { loadS3Objects } from './run/s3-objects';
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
  --no-typecheck           run a .ts workflow without type-checking it first (by default its
                           type errors stop the run, and --input is checked against the
                           workflow's zod input schema either way)
  -h, --help               show this help

Exit codes: 0 succeeded, 1 failed / timed out / aborted, 2 bad usage or invalid definition.
`;

export interface RunIo extends CommandIo {
  /** Colours in the readable output. Default: off; with the process streams, on when stdout is a TTY. */
  colour?: boolean;
}

const processRunIo: RunIo = { ...processIo, colour: Boolean(process.stdout.isTTY) };

const OPTIONS = {
  input: { type: 'string' },
  mocks: { type: 'string' },
  'test-case': { type: 'string' },
  s3: { type: 'string', multiple: true },
  's3-dir': { type: 'string' },
  'state-machine': { type: 'string' },
  workflow: { type: 'string' },
  type: stateMachineTypeOption,
  'start-time': { type: 'string' },
  json: { type: 'boolean' },
  report: { type: 'string' },
  'no-typecheck': { type: 'boolean' },
} as const;

/** `--input`: JSON text, or `@file.json`. */
async function readInputArgument(value: string): Promise<{ value: Json } | { problem: string }> {
  if (!value.startsWith('@')) return parseJsonText(value, 'the input');
  const file = value.slice(1);
  return readJsonFile(file, `the input file ${file}`);
}

export async function run(args: string[], io: RunIo = processRunIo): Promise<number> {
  const started = startFileCommand(
    {
      name: 'run',
      usage: USAGE,
      missingFile: 'which state machine? Give an .asl.json file or a workflow .ts file.',
      options: OPTIONS,
      check: ({ values }) => {
        if (values.testCase !== undefined && values.mocks === undefined) throw new UsageError('--test-case needs --mocks <MockConfigFile.json>.');
      },
    },
    args,
    io,
  );
  if (typeof started === 'number') return started;
  const parsed = { file: started.file, ...started.values };
  const { InMemoryS3, Interpreter, listTestCases, MockConfigError } = await import('../../interpreter');
  const { InvalidDefinitionError } = await import('../../asl/validate');
  const loaded = await loadDefinition(parsed.file, parsed.workflow, { typeCheck: !parsed.noTypecheck });
  if ('problem' in loaded) {
    io.stderr(`statecraft run: ${loaded.problem}\n`);
    return 2;
  }
  const input = parsed.input === undefined ? { value: {} as Json } : await readInputArgument(parsed.input);
  if ('problem' in input) {
    io.stderr(`statecraft run: ${input.problem}\n`);
    return 2;
  }
  const mismatch = loaded.inputSchema && (await describeInputMismatch(loaded.inputSchema, input.value, loaded.name, parsed.file));
  if (mismatch) {
    io.stderr(`statecraft run: ${mismatch}\n`);
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
    const p = palette(io.colour ?? false);
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
