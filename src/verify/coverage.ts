import { goalKind, type MachineModel } from './machine-model';
import type { Coverage } from './types';

/** Covered/total per kind for one version, and labels of what stayed uncovered (with why when known). */
export function summariseCoverage(model: MachineModel, covered: Set<string>, scenarios: number): Coverage {
  const coverage: Coverage = {
    states: { covered: 0, total: 0 },
    transitions: { covered: 0, total: 0 },
    choiceRules: { covered: 0, total: 0 },
    catchers: { covered: 0, total: 0 },
    retries: { covered: 0, total: 0 },
    uncovered: [],
  };
  for (const [key, label] of model.goals) {
    const count = coverage[goalKind(key)];
    count.total++;
    if (covered.has(key)) count.covered++;
    else {
      const from = key.split('\u0000')[1];
      const why = from !== '(start)' && model.states.has(from) && !model.reachable.has(from) ? 'its state is unreachable from StartAt' : `no input or answer of ${scenarios} scenarios took it`;
      coverage.uncovered.push(`${label}: ${why}`);
    }
  }
  return coverage;
}

/** Percentage of transitions covered (100 when there are none). */
export function transitionPercent(coverage: Coverage): number {
  const { covered, total } = coverage.transitions;
  return total === 0 ? 100 : Math.floor((covered / total) * 1000) / 10;
}
