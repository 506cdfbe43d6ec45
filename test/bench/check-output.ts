import type { BenchCase } from './bench-cases';

/**
 * A benchmark that measures a wrong answer measures nothing: each side's first output is checked
 * against what the case must produce.
 */
export function checkOutput(bench: BenchCase, output: unknown): void {
  const fail = (what: string) => {
    throw new Error(`${bench.name}: expected ${what}, got ${JSON.stringify(output)?.slice(0, 200)}`);
  };
  if (bench.unit === 'transitions') {
    const expected = (bench.unitsPerRun - 1) / 2;
    if ((output as { count?: unknown } | null)?.count !== expected) fail(`{"count": ${expected}}`);
  } else if (bench.unit === 'items') {
    const items = (bench.input as { items: unknown[] }).items;
    if (!Array.isArray(output) || output.length !== items.length) fail(`an array of ${items.length} results`);
  } else {
    const branches = (bench.definition.States.FanOut as { Branches: unknown[] }).Branches.length;
    if (!Array.isArray(output) || output.length !== branches) fail(`an array of ${branches} branch outputs`);
  }
}
