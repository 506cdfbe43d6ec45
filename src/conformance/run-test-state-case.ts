import type { TestStateInput, TestStateOutput } from '@aws-sdk/client-sfn';
import type { Json } from '../asl/types';
import { testState } from '../test-state';
import type { TestStateCase } from './cases';
import { compareJson, ignoreKey } from './compare-result';
import type { CaseOutcome } from './run-case';

/** The recorded call as the API takes it: JSON values become JSON text, `null` fields are absent. */
export function testStateRequest(c: TestStateCase): TestStateInput {
  const { mock, ...rest } = c.request;
  const request: TestStateInput = { ...rest, definition: JSON.stringify(c.definition), input: JSON.stringify(c.input) };
  if (c.variables !== null && c.variables !== undefined) request.variables = JSON.stringify(c.variables);
  if (c.context !== null && c.context !== undefined) request.context = JSON.stringify(c.context);
  if (mock) {
    request.mock = {};
    if (mock.result !== undefined) request.mock.result = JSON.stringify(mock.result);
    if (mock.errorOutput !== undefined) request.mock.errorOutput = mock.errorOutput;
    if (mock.fieldValidationMode !== undefined) request.mock.fieldValidationMode = mock.fieldValidationMode;
  }
  return request;
}

/**
 * Runs one recorded TestState call and compares the answer as the conformance README says: an
 * API error by name and message; a response field by field, JSON text compared as the JSON it
 * holds (the recording parsed most of it, and kept some as text), `ignore`d paths only present.
 */
export async function runTestStateCase(c: TestStateCase): Promise<CaseOutcome> {
  const base = { id: c.id, feature: c.feature, expected: c.expected };
  let answer: TestStateOutput;
  try {
    answer = await testState(testStateRequest(c));
  } catch (error) {
    const got = { error: (error as Error).name, message: (error as Error).message };
    if (!('error' in c.expected)) return { ...base, got, matched: false, difference: `expected a response, got ${got.error}: ${got.message}` };
    const matched = got.error === c.expected.error && got.message === c.expected.message;
    return { ...base, got, matched, difference: matched ? undefined : `expected ${c.expected.error}: ${c.expected.message}` };
  }
  const got = parsedAnswer(answer);
  if (!('response' in c.expected)) return { ...base, got, matched: false, difference: `expected ${c.expected.error}, got a response` };
  const ignored = new Set(c.ignore.map(ignoreKey));
  const difference = compareJson(parsedDeep(c.expected.response as Json), got, ['response'], ignored);
  return { ...base, got, matched: difference === undefined, difference };
}

/** The answer as JSON: `$metadata` dropped, JSON text parsed. */
function parsedAnswer(answer: TestStateOutput): Json {
  const { $metadata: _m, ...fields } = answer as TestStateOutput & { $metadata?: unknown };
  return parsedDeep(JSON.parse(JSON.stringify(fields)) as Json);
}

/** Strings holding a JSON object, array or string (`"\"x\""`) read as that JSON, at any depth. */
function parsedDeep(value: Json): Json {
  if (typeof value === 'string') {
    const t = value.trim();
    if (t.startsWith('{') || t.startsWith('[') || t.startsWith('"')) {
      try {
        return parsedDeep(JSON.parse(t) as Json);
      } catch {
        return value;
      }
    }
    return value;
  }
  if (Array.isArray(value)) return value.map(parsedDeep);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, parsedDeep(v)]));
  return value;
}
