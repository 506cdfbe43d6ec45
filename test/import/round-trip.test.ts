import { describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus';
import { knownGap } from './known-gaps';
import { firstDifference, roundTrip } from './round-trip';

const { entries, skipped } = loadCorpus();
const table = entries.map((entry, i) => ({ ...entry, name: `Imported${i}`, gap: knownGap(entry.definition, entry.stateMachineType) }));

describe('import round trip: ASL → DSL module → the same ASL', () => {
  it('has a corpus (the examples at least; conformance cases when present)', () => {
    if (skipped.length > 0) console.warn(`import round trip: skipped ${skipped.join(', ')}`);
    expect(table.filter((row) => row.feature === 'examples').length).toBeGreaterThanOrEqual(6);
  });

  it.each(table.filter((row) => !row.gap))('$id', async (row) => {
    const result = await roundTrip(row.definition, row.name, { stateMachineType: row.stateMachineType, format: false });
    const where = result.compiled ? firstDifference(result.compiled, row.definition) : undefined;
    expect({ problem: result.problem, where }).toEqual({ problem: undefined, where: undefined });
  });

  it.each(table.filter((row) => row.gap))('known gap ($gap): $id', async (row) => {
    const result = await roundTrip(row.definition, row.name, { stateMachineType: row.stateMachineType, format: false });
    expect(result.identical).toBe(false);
  });

  it('is JSON-identical for at least 98% of the corpus', () => {
    const gaps = table.filter((row) => row.gap).length;
    expect((table.length - gaps) / table.length).toBeGreaterThanOrEqual(0.98);
  });
});
