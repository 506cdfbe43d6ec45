/**
 * `statecraft test-state <state.json | machine.asl.json> [options]`: AWS's TestState API, offline:
 * runs one state (or `--state-name` in a whole machine) with a mock, and prints what AWS would
 * answer. Exit codes: 0 answered (SUCCEEDED, CAUGHT_ERROR, RETRIABLE), 1 the state FAILED or the
 * call was rejected (ValidationException, InvalidDefinition, ...), 2 bad usage or unreadable file.
 */
import { readFile } from 'node:fs/promises';
import type { InspectionLevel, TestStateInput, TestStateOutput } from '@aws-sdk/client-sfn';
import type { Json } from '../../asl/types';
import { oneOf, startFileCommand } from '../args';
import { type CommandIo, processIo } from '../command';
import { parseJsonText } from '../read-json-file';

export const summary = "Test one state offline, exactly as AWS's TestState API answers (mocks, inspection data)";

const USAGE = `Usage: statecraft test-state <state.json | machine.asl.json> [options]

Runs one state as AWS Step Functions' TestState API does, offline: the definition is one state,
or a whole state machine with --state-name. Task, Map and Parallel states take a mock of their
result or error, checked against the service's API shape (fieldValidationMode).

Options:
  --state-name <NAME>            the state to test in a whole state machine
  --input <JSON|@file>           the state input (default {})
  --mock <JSON|@file>            {"result": <JSON>} or {"errorOutput": {"error": "...", "cause": "..."}},
                                 optionally "fieldValidationMode": "STRICT" | "PRESENT" | "NONE"
  --inspection-level <LEVEL>     INFO (default), DEBUG or TRACE
  --context <JSON|@file>         the context object ($$) to run with
  --variables <JSON|@file>       variables visible to the state
  --state-configuration <JSON|@file>
                                 {"retrierRetryCount", "errorCausedByState",
                                  "mapIterationFailureCount", "mapItemReaderData"}
  --role-arn <ARN>               the execution role (AWS requires one for a Task without a mock)
  --json                         print the TestState response as JSON (AWS's shape)
  -h, --help                     show this help

Exit codes: 0 answered (SUCCEEDED, CAUGHT_ERROR, RETRIABLE), 1 FAILED or rejected call, 2 bad usage.
`;

const LEVELS: readonly InspectionLevel[] = ['INFO', 'DEBUG', 'TRACE'];
const JSON_OPTIONS = ['input', 'mock', 'context', 'variables', 'state-configuration'] as const;
type JsonOption = (typeof JSON_OPTIONS)[number];

const OPTIONS = {
  'state-name': { type: 'string' },
  input: { type: 'string' },
  mock: { type: 'string' },
  'inspection-level': { type: 'string', parse: oneOf<InspectionLevel>(LEVELS) },
  context: { type: 'string' },
  variables: { type: 'string' },
  'state-configuration': { type: 'string' },
  'role-arn': { type: 'string' },
  json: { type: 'boolean' },
} as const;

interface ParsedArgs {
  file: string;
  json: boolean;
  stateName?: string;
  roleArn?: string;
  inspectionLevel?: InspectionLevel;
  values: Partial<Record<JsonOption, string>>;
}

/** `JSON` or `@file`: the JSON value, or a sentence saying what is wrong. */
async function jsonArgument(option: string, text: string): Promise<{ value: Json } | { problem: string }> {
  if (!text.startsWith('@')) return parseJsonText(text, `--${option}`);
  const file = text.slice(1);
  try {
    return parseJsonText(await readFile(file, 'utf8'), `--${option} file ${file}`);
  } catch (error) {
    return { problem: `cannot read --${option} file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.` };
  }
}

/** The request AWS's API takes: JSON values as JSON text (a mock's `result` may be given as JSON). */
async function buildRequest(parsed: ParsedArgs): Promise<TestStateInput | string> {
  let definition: string;
  try {
    definition = await readFile(parsed.file, 'utf8');
  } catch (error) {
    return `cannot read ${parsed.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`;
  }
  const request: TestStateInput = { definition };
  if (parsed.stateName !== undefined) request.stateName = parsed.stateName;
  if (parsed.roleArn !== undefined) request.roleArn = parsed.roleArn;
  if (parsed.inspectionLevel !== undefined) request.inspectionLevel = parsed.inspectionLevel;
  for (const option of JSON_OPTIONS) {
    const text = parsed.values[option];
    if (text === undefined) continue;
    const read = await jsonArgument(option, text);
    if ('problem' in read) return read.problem;
    const value = read.value;
    if (option === 'mock') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return '--mock must be a JSON object: {"result": ...} or {"errorOutput": {...}}.';
      const mock = { ...value } as Record<string, Json>;
      if (mock.result !== undefined && typeof mock.result !== 'string') mock.result = JSON.stringify(mock.result);
      request.mock = mock as TestStateInput['mock'];
    } else if (option === 'state-configuration') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return '--state-configuration must be a JSON object.';
      const configuration = { ...value } as Record<string, Json>;
      if (configuration.mapItemReaderData !== undefined && typeof configuration.mapItemReaderData !== 'string') {
        configuration.mapItemReaderData = JSON.stringify(configuration.mapItemReaderData);
      }
      request.stateConfiguration = configuration as TestStateInput['stateConfiguration'];
    } else {
      request[option] = JSON.stringify(value);
    }
  }
  return request;
}

/** The answer for people: status, next state, output or error, then the inspection data. */
export function formatAnswer(answer: TestStateOutput): string {
  const lines = [`status: ${answer.status}`];
  if (answer.nextState !== undefined) lines.push(`nextState: ${answer.nextState}`);
  if (answer.error !== undefined) lines.push(`error: ${answer.error}`);
  if (answer.cause !== undefined) lines.push(`cause: ${answer.cause}`);
  if (answer.output !== undefined) lines.push(`output: ${answer.output}`);
  const data = answer.inspectionData;
  if (data) {
    lines.push('inspectionData:');
    for (const [key, value] of Object.entries(data)) {
      if (value !== undefined) lines.push(`  ${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function run(args: string[], io: CommandIo = processIo): Promise<number> {
  const started = startFileCommand({ name: 'test-state', usage: USAGE, missingFile: 'which state or state machine file?', options: OPTIONS }, args, io);
  if (typeof started === 'number') return started;
  const { file, values } = started;
  const { input, mock, context, variables, stateConfiguration } = values;
  const json: Partial<Record<JsonOption, string>> = { input, mock, context, variables, 'state-configuration': stateConfiguration };
  const parsed: ParsedArgs = { file, json: values.json, stateName: values.stateName, roleArn: values.roleArn, inspectionLevel: values.inspectionLevel, values: json };
  const request = await buildRequest(parsed);
  if (typeof request === 'string') {
    io.stderr(`statecraft test-state: ${request}\n`);
    return 2;
  }
  const { testState } = await import('../../test-state/index');
  let answer: TestStateOutput;
  try {
    answer = await testState(request);
  } catch (error) {
    const { name, message } = error as Error;
    if (parsed.json) io.stdout(`${JSON.stringify({ error: name, message }, null, 2)}\n`);
    else io.stderr(`${name}: ${message}\n`);
    return 1;
  }
  io.stdout(parsed.json ? `${JSON.stringify(answer, null, 2)}\n` : formatAnswer(answer));
  return answer.status === 'FAILED' ? 1 : 0;
}
