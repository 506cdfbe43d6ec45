import { describe, expect, it } from 'vitest';
import { looksLikeIntrinsic } from '../../../src/asl/intrinsic-syntax';
import type { Json, JsonObject } from '../../../src/asl/types';
import { preparePath, MISSING, type PathScope } from '../../../src/interpreter/jsonpath/evaluate-path';
import { prepareIntrinsic } from '../../../src/interpreter/intrinsics';
import { seededRandom } from '../../../src/interpreter/random/seeded-random';
import { contextObject, hasRecordedCases, loadRecordedCases, type RecordedCase } from './recorded-cases';

/**
 * Replays every recorded `intrinsic_functions` case that is a chain of JSONPath Pass states
 * with `Parameters`, evaluating each `.$` value with `prepareIntrinsic` (plain paths with
 * `preparePath`) and applying `ResultPath`/`OutputPath` when they are simple member paths.
 * The JSONata cases of the feature are the JSONata engine's and are only counted here.
 */
const cases = loadRecordedCases('intrinsic_functions');
const jsonPathCases = cases.filter(isJsonPathPassChain);

describe.skipIf(!hasRecordedCases)('recorded intrinsic_functions cases', () => {
  it('covers the JSONPath cases of the feature', () => {
    expect(cases.length).toBe(138);
    expect(jsonPathCases.length).toBe(cases.filter((c) => !usesJsonata(c)).length);
  });

  it.each(jsonPathCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const output = runPassChain(c);
    expect(c.expected.status).toBe('SUCCEEDED');
    expect(withoutIgnored(output, c.ignore ?? [])).toEqual(withoutIgnored(c.expected.output as Json, c.ignore ?? []));
  });
});

function usesJsonata(c: RecordedCase): boolean {
  return (
    c.definition.QueryLanguage === 'JSONata' ||
    Object.values(c.definition.States).some((s) => s.QueryLanguage === 'JSONata')
  );
}

function isJsonPathPassChain(c: RecordedCase): boolean {
  return !usesJsonata(c) && Object.values(c.definition.States).every((s) => s.Type === 'Pass' && 'Parameters' in s);
}

function runPassChain(c: RecordedCase): Json {
  let name: string | undefined = c.definition.StartAt;
  let data = c.input;
  const random = seededRandom(7);
  while (name) {
    const state: JsonObject = c.definition.States[name];
    const scope: PathScope = { input: data, context: contextObject(c, name), variable: () => undefined };
    const result = evaluateTemplate(state.Parameters as JsonObject, scope, random);
    data = applyResultPath(data, result, state.ResultPath as string | undefined);
    if (typeof state.OutputPath === 'string') data = readPath(state.OutputPath, data);
    name = state.End ? undefined : (state.Next as string);
  }
  return data;
}

function evaluateTemplate(template: JsonObject, scope: PathScope, random: () => number): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$') && typeof value === 'string') {
      result[key.slice(0, -2)] = looksLikeIntrinsic(value)
        ? prepareIntrinsic(value)(scope, random)
        : readPath(value, scope.input, scope.context);
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      result[key] = evaluateTemplate(value, scope, random);
    } else {
      result[key] = value;
    }
  }
  return result;
}

function readPath(path: string, input: Json, context: Json = null): Json {
  const value = preparePath(path)({ input, context, variable: () => undefined });
  if (value === MISSING) throw new Error(`test harness: path ${path} selects nothing`);
  return value;
}

function applyResultPath(input: Json, result: Json, resultPath: string | undefined): Json {
  if (resultPath === undefined || resultPath === '$') return result;
  const keys = resultPath.replace(/^\$\./, '').split('.');
  const root = structuredClone(input) as JsonObject;
  let target = root;
  for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as JsonObject;
  target[keys[keys.length - 1]] = result;
  return root;
}

/** Removes the masked `$.output.a.b` fields after checking they are present. */
function withoutIgnored(output: Json, ignore: string[]): Json {
  const copy = structuredClone(output);
  for (const path of ignore) {
    const keys = path.replace(/^\$\.output\.?/, '').split('.').filter(Boolean);
    if (keys.length === 0) return null;
    let parent = copy as JsonObject;
    for (const key of keys.slice(0, -1)) parent = parent[key] as JsonObject;
    const last = keys[keys.length - 1];
    expect(parent).toHaveProperty([last]);
    delete parent[last];
  }
  return copy;
}
