import type { TestStateInput, TestStateOutput } from '@aws-sdk/client-sfn';
import { testState } from '../../src/test-state';

/** A TestState call with JSON values given as values (the API takes JSON text). */
export interface Call {
  definition: unknown;
  input?: unknown;
  mock?: { result?: unknown; errorOutput?: { error: string; cause: string }; fieldValidationMode?: 'STRICT' | 'PRESENT' | 'NONE' };
  inspectionLevel?: 'INFO' | 'DEBUG' | 'TRACE';
  stateName?: string;
  roleArn?: string;
  variables?: unknown;
  context?: unknown;
  stateConfiguration?: TestStateInput['stateConfiguration'];
  revealSecrets?: boolean;
}

export function request(call: Call): TestStateInput {
  const r: TestStateInput = { definition: JSON.stringify(call.definition) };
  if (call.input !== undefined) r.input = JSON.stringify(call.input);
  if (call.inspectionLevel) r.inspectionLevel = call.inspectionLevel;
  if (call.stateName) r.stateName = call.stateName;
  if (call.roleArn) r.roleArn = call.roleArn;
  if (call.variables !== undefined) r.variables = JSON.stringify(call.variables);
  if (call.context !== undefined) r.context = JSON.stringify(call.context);
  if (call.stateConfiguration) r.stateConfiguration = call.stateConfiguration;
  if (call.revealSecrets !== undefined) r.revealSecrets = call.revealSecrets;
  if (call.mock) {
    r.mock = {};
    if (call.mock.result !== undefined) r.mock.result = JSON.stringify(call.mock.result);
    if (call.mock.errorOutput) r.mock.errorOutput = call.mock.errorOutput;
    if (call.mock.fieldValidationMode) r.mock.fieldValidationMode = call.mock.fieldValidationMode;
  }
  return r;
}

/** The answer with its JSON text fields parsed, for readable assertions. */
export interface Answer {
  status?: string;
  output?: unknown;
  error?: string;
  cause?: string;
  nextState?: string;
  inspectionData?: Record<string, unknown>;
}

export async function call(c: Call): Promise<Answer> {
  return parse(await testState(request(c), { now: '2025-01-15T10:30:00Z' }));
}

export async function rejection(c: Call): Promise<{ name: string; message: string }> {
  try {
    await testState(request(c));
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('expected the call to be rejected');
}

const JSON_FIELDS = new Set(['input', 'afterArguments', 'afterInputPath', 'afterParameters', 'result', 'afterResultSelector', 'afterResultPath', 'variables', 'afterItemsPath', 'afterItemSelector']);

export function parse(answer: TestStateOutput): Answer {
  const parsed: Answer = { ...answer } as Answer;
  if (answer.output !== undefined) parsed.output = JSON.parse(answer.output);
  if (answer.inspectionData) {
    parsed.inspectionData = Object.fromEntries(
      Object.entries(answer.inspectionData).map(([k, v]) => [k, JSON_FIELDS.has(k) && typeof v === 'string' ? JSON.parse(v) : v]),
    );
  }
  return parsed;
}
