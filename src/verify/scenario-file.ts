/**
 * The scenario file format (`--scenarios FILE`): one scenario, an array of them, or
 * `{"scenarios": [...]}`. A scenario is `{"name"?, "input", "answers": [...]}`; each answer names
 * the `resource` it answers, optionally the `parameters` the call must have, and one outcome:
 * `"result"`, `"error"` (+ `"cause"`), `"neverAnswers": true`, or for `.sync` tasks `"job"`
 * (`{"seconds", "output"}` or `{"seconds", "error", "cause"}`). Answers are used in order; a call
 * with no answer left fails with `Statecraft.NoAnswer` (or, with `"repeatLast": true`, gets the
 * resource's last answer again).
 */
import type { Json } from '../asl/types';
import type { Scenario, ScenarioAnswer } from './types';

const OUTCOMES = ['result', 'error', 'neverAnswers', 'job'] as const;

/**
 * Checks and returns the scenarios in a parsed scenario file; throws an Error naming the file,
 * the scenario and the field that is wrong.
 *
 * @example
 * const scenarios = parseScenarioFile(JSON.parse(readFileSync('declined.json', 'utf8')), 'declined.json');
 */
export function parseScenarioFile(value: unknown, file = 'scenario file'): Scenario[] {
  const list = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray((value as { scenarios?: unknown }).scenarios) ? (value as { scenarios: unknown[] }).scenarios : [value];
  return list.map((raw, i) => {
    const where = `${file}, scenario ${list.length > 1 ? `#${i + 1}` : ''}`.trim();
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${where}: a scenario must be an object with "input" and "answers".`);
    const s = raw as Record<string, unknown>;
    const answers = s.answers ?? [];
    if (!Array.isArray(answers)) throw new Error(`${where}: "answers" must be an array.`);
    answers.forEach((a, j) => {
      const answer = a as Record<string, unknown>;
      if (!answer || typeof answer !== 'object' || typeof answer.resource !== 'string') throw new Error(`${where}, answer #${j + 1}: "resource" (the Task's Resource ARN) is required.`);
      const outcomes = OUTCOMES.filter((o) => o in answer);
      if (outcomes.length !== 1) throw new Error(`${where}, answer #${j + 1}: give exactly one of "result", "error", "neverAnswers", "job" (got ${outcomes.length === 0 ? 'none' : outcomes.join(', ')}).`);
    });
    const scenario: Scenario = { input: (s.input ?? {}) as Json, answers: answers as ScenarioAnswer[] };
    if (typeof s.name === 'string') scenario.name = s.name;
    if (s.repeatLast === true) scenario.repeatLast = true;
    return scenario;
  });
}
