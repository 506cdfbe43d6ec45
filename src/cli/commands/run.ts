/**
 * `statecraft run <file.asl.json | workflows/x.ts> [--input JSON | --input @file.json]
 *   [--mocks MockConfigFile.json --test-case NAME] [--json] ...`: runs a state machine locally on
 * the virtual clock with mocked tasks and prints the output and a readable history.
 * Exit codes: 0 succeeded, 1 failed / timed out / aborted, 2 bad usage or invalid definition.
 */
import { InvalidDefinitionError } from '../../asl/validate';
import type { Json } from '../../asl/types';
import { Interpreter, listTestCases, type MockConfigFile, type StateMachineType } from '../../interpreter';
import { formatHistory, palette } from './run/format-history';
import { type CommandIo, processIo, startFileCommand } from '../command';
import { loadDefinition } from './run/load-definition';
import { parseJsonText, readJsonFile } from '../read-json-file';

export const summary = 'Run a state machine (ASL file or TypeScript workflow) locally with mocked tasks';

const USAGE = `Usage: statecraft run <file.asl.json | workflows/x.ts> [options]

Runs the state machine on a virtual clock (Waits and timeouts take no real time). Tasks are
answered by mocks from an AWS Step Functions Local MockConfigFile; a task without a mock fails
the execution at once with a message naming the state, except a .waitForTaskToken or activity
task, which waits (for its timeouts, the machine's TimeoutSeconds or the 1-year limit).
For a .waitForTaskToken or activity task, a mocked response is what the callback or worker sent
back (Return = SendTaskSuccess output, Throw = SendTaskFailure). Statecraft extensions of a
mocked response: "NeverAnswers": true (the call never answers, so the state times out) and,
for .sync tasks, "DelaySeconds": n (the job runs n virtual seconds, then Returns or Throws).

Options:
  --input <json>           execution input as JSON text (default {})
  --input @<file.json>     execution input read from a file
  --mocks <file.json>      a MockConfigFile (StateMachines → TestCases, MockedResponses)
  --test-case <name>       the MockConfigFile test case to use
  --state-machine <name>   the state machine's name (default: the workflow name or file name);
                           also the MockConfigFile "StateMachines" key
  --workflow <name>        which exported workflow of a .ts file to run
  --type <STANDARD|EXPRESS> workflow type (default STANDARD, or the workflow's own)
  --start-time <iso>       virtual clock start (default now)
  --json                   print {"status","output","error","cause","history"} as JSON
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
};

function parseArgs(args: string[]): RunArgs | string {
  const parsed: RunArgs = { json: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '-h' || flag === '--help') parsed.help = true;
    else if (flag === '--json') parsed.json = true;
    else if (flag in VALUE_FLAGS) {
      const value = inline ?? args[++i];
      if (value === undefined) return `${flag} needs a value.`;
      (parsed as unknown as Record<string, string>)[VALUE_FLAGS[flag]] = value;
    } else if (arg.startsWith('-')) return `unknown option '${arg}'.`;
    else if (parsed.file) return `only one file, got '${parsed.file}' and '${arg}'.`;
    else parsed.file = arg;
  }
  if (parsed.type !== undefined && parsed.type !== 'STANDARD' && parsed.type !== 'EXPRESS') return `--type must be STANDARD or EXPRESS, got '${parsed.type}'.`;
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
  }
  const name = parsed.stateMachine ?? mockMachineName(mockConfig, loaded.name);
  let sfn: Interpreter;
  try {
    sfn = new Interpreter({ startTime: parsed.startTime, mockConfig });
  } catch (error) {
    io.stderr(`statecraft run: ${(error as Error).message}\n`);
    return 2;
  }
  let execution;
  try {
    const machine = sfn.createStateMachine(loaded.definition, { name, type: parsed.type ?? loaded.type });
    execution = machine.startExecution(input.value, { testCase: parsed.testCase });
  } catch (error) {
    if (error instanceof InvalidDefinitionError) {
      io.stderr(`statecraft run: ${parsed.file} is not a valid state machine.\n${error.message}\n`);
      return 2;
    }
    const known = mockConfig ? ` (test cases: ${JSON.stringify(listTestCases(mockConfig))})` : '';
    io.stderr(`statecraft run: ${(error as Error).message}${known}\n`);
    return 2;
  }
  const result = await execution.result;
  const history = execution.history();
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
