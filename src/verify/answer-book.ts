/**
 * Answers a scenario's calls: by resource and (when the answer names them) parameters, first
 * unused answer first; never by state name, so renamed states get the same answers.
 */
import type { Json } from '../asl/types';
import { jsonMatches } from './json';
import type { Scenario, ScenarioAnswer } from './types';

export class AnswerBook {
  readonly used: boolean[];
  private readonly lastByResource = new Map<string, ScenarioAnswer>();

  constructor(private readonly scenario: Scenario) {
    this.used = scenario.answers.map(() => false);
  }

  answer(resource: string, parameters: Json): ScenarioAnswer | undefined {
    const answers = this.scenario.answers;
    for (let i = 0; i < answers.length; i++) {
      const a = answers[i];
      if (this.used[i] || a.resource !== resource) continue;
      if (a.parameters !== undefined && !jsonMatches(a.parameters, parameters)) continue;
      this.used[i] = true;
      this.lastByResource.set(resource, a);
      return a;
    }
    return this.scenario.repeatLast ? this.lastByResource.get(resource) : undefined;
  }

  /** Answers no call used, described for a warning. */
  unused(): string[] {
    return this.scenario.answers
      .map((a, i) => (this.used[i] ? undefined : `answer #${i + 1} (${a.resource}${a.parameters === undefined ? '' : ` with ${JSON.stringify(a.parameters)}`}) matched no call`))
      .filter((s): s is string => s !== undefined);
  }
}
