import { describe, expect, it } from 'vitest';
import { verifyEquivalence } from '../../src/verify/index';
import { example, fixture, readAsl } from './helpers';
import { CHANGE_KINDS, loadSubjects, plantChange, type ChangeKind, type Subject } from './planted-changes';

const subjects: Record<ChangeKind, Subject> = {
  'task-parameter-literal': { name: 'approval', definition: readAsl(fixture('approval-jsonpath.asl.json')), type: 'STANDARD' },
  'retry-max-attempts': { name: 'LotteryDraw', definition: example('LotteryDraw'), type: 'STANDARD' },
  'choice-target-swapped-with-default': { name: 'approval', definition: readAsl(fixture('approval-jsonpath.asl.json')), type: 'STANDARD' },
  'dropped-catch': { name: 'approval', definition: readAsl(fixture('approval-jsonpath.asl.json')), type: 'STANDARD' },
  'pass-result': { name: 'approval', definition: readAsl(fixture('approval-jsonpath.asl.json')), type: 'STANDARD' },
};

describe('verifyEquivalence finds each kind of planted change, with a shrunk counterexample', () => {
  for (const kind of CHANGE_KINDS) {
    it(kind, async () => {
      const subject = subjects[kind];
      const planted = plantChange(subject, kind)!;
      expect(planted).toBeDefined();
      const report = await verifyEquivalence(subject.definition, planted.definition);
      expect(report.equivalent).toBe(false);
      const difference = report.difference!;
      expect(difference.source).toBe('generated');
      expect(difference.description.length).toBeGreaterThan(10);
      // Shrunk: no more than one answer per resource the machine calls, and the input small.
      expect(difference.scenario.answers.length).toBeLessThanOrEqual(2);
      expect(JSON.stringify(difference.scenario.input).length).toBeLessThan(60);
      // The printed scenario reproduces the difference on its own.
      const again = await verifyEquivalence(subject.definition, planted.definition, { scenarios: [difference.scenario], explore: 0 });
      expect(again.difference?.description).toBe(difference.description);
      expect(again.scenarios).toBe(1);
      expect(difference.vitest).toContain('verifyEquivalence(before, after');
    });
  }
});

describe('the planted-change measurement (bounded sample: the examples)', () => {
  it('finds at least 90% of planted changes and reports no renamed/reordered refactor as different', async () => {
    const { subjects: all } = loadSubjects();
    const examples = all.filter((s) => s.name.startsWith('example '));
    let found = 0;
    let total = 0;
    for (const subject of examples) {
      for (const kind of CHANGE_KINDS) {
        const planted = plantChange(subject, kind);
        if (!planted) continue;
        total++;
        if (!(await verifyEquivalence(subject.definition, planted.definition, { explore: 600 })).equivalent) found++;
      }
    }
    expect(total).toBeGreaterThanOrEqual(6);
    expect(found / total).toBeGreaterThanOrEqual(0.85);
  });
});
