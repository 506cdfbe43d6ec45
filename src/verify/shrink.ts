/**
 * Shrinks a counterexample with fast-check's shrinkers: the scenario is rebuilt as an arbitrary
 * whose every part can get smaller (object keys dropped, integers towards 0, strings to empty,
 * answers removed) and fast-check's shrink streams are walked greedily while the difference stays.
 */
import fc from 'fast-check';
import type { Json } from '../asl/types';
import type { Scenario, ScenarioAnswer } from './types';

/** Object keys shrinking must keep (they say what kind of answer it is). */
const ANSWER_KEYS = ['resource', 'parameters', 'error', 'neverAnswers', 'job'];

function jsonArbitrary(value: Json, keep: readonly string[] = []): fc.Arbitrary<Json> {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? fc.integer({ min: Math.min(0, value), max: Math.max(0, value) }) : fc.constantFrom(0, value);
  }
  if (typeof value === 'string') return value === '' ? fc.constant('') : fc.constantFrom('', value);
  if (value === null || typeof value !== 'object') return fc.constant(value);
  if (Array.isArray(value)) return value.length === 0 ? fc.constant([]) : (fc.tuple(...value.map((v) => jsonArbitrary(v))) as fc.Arbitrary<Json>);
  const model: Record<string, fc.Arbitrary<Json>> = {};
  for (const [k, v] of Object.entries(value)) model[k] = keep.includes(k) ? fc.constant(v) : jsonArbitrary(v);
  return fc.record(model, { requiredKeys: Object.keys(value).filter((k) => keep.includes(k)) }) as fc.Arbitrary<Json>;
}

function scenarioArbitrary(scenario: Scenario): fc.Arbitrary<Scenario> {
  const answers = scenario.answers.map((a) => fc.option(jsonArbitrary(a as unknown as Json, ANSWER_KEYS), { nil: null }));
  return fc.record({
    input: jsonArbitrary(scenario.input),
    answers: answers.length === 0 ? fc.constant([]) : fc.tuple(...answers),
    repeatLast: fc.constant(scenario.repeatLast ?? false),
  }) as unknown as fc.Arbitrary<Scenario>;
}

function normalise(raw: Scenario): Scenario {
  return { input: raw.input, answers: (raw.answers as (ScenarioAnswer | null)[]).filter((a): a is ScenarioAnswer => a !== null), repeatLast: raw.repeatLast };
}

/**
 * The smallest scenario reachable by shrinking that still `fails`, within `budget` attempts.
 *
 * @example
 * const small = await shrinkScenario(found, async (s) => (await pair.compare(s)) !== undefined);
 */
export async function shrinkScenario(scenario: Scenario, fails: (s: Scenario) => Promise<boolean>, budget = 400): Promise<Scenario> {
  const arbitrary = scenarioArbitrary(scenario);
  const start = { input: scenario.input, answers: scenario.answers, repeatLast: scenario.repeatLast ?? false } as Scenario;
  if (!arbitrary.canShrinkWithoutContext(start)) return scenario;
  let current: { value: Scenario; context: unknown } = { value: start, context: undefined };
  let tries = 0;
  for (let improved = true; improved && tries < budget; ) {
    improved = false;
    for (const candidate of arbitrary.shrink(current.value, current.context)) {
      if (++tries > budget) break;
      if (await fails(normalise(candidate.value))) {
        current = { value: candidate.value, context: candidate.context };
        improved = true;
        break;
      }
    }
  }
  const out = normalise(current.value);
  if (scenario.name !== undefined) out.name = scenario.name;
  return out;
}
