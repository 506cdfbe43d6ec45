/**
 * Generated modules type-check under the project's strict tsconfig, with no `any` and no
 * `@ts-ignore`: the examples' imports and a spread sample of the conformance corpus, in one program.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProgramInWorker } from '../../src/build/type-check-program';
import { loadCorpus } from './corpus';
import { roundTrip } from './round-trip';

describe('imported modules type-check', () => {
  it('the examples and every 12th corpus definition type-check in one program, without any or @ts-ignore', async () => {
    const { entries } = loadCorpus();
    const sample = entries.filter((entry, i) => entry.feature === 'examples' || i % 12 === 0);
    const files: string[] = [];
    for (const [i, entry] of sample.entries()) {
      const result = await roundTrip(entry.definition, `Checked${i}`, { stateMachineType: entry.stateMachineType, write: true, format: false });
      if (result.file) files.push(result.file);
    }
    expect(files.length).toBe(sample.length);
    // The build's type-checker (a worker shared by this process's checks), on the project's tsconfig.
    const result = await checkProgramInWorker({
      typescript: createRequire(import.meta.url).resolve('typescript'),
      roots: files,
      tsConfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
      defaultOptions: {},
      cwd: process.cwd(),
    });
    if (result.kind !== 'checked') throw new Error('cannot read tsconfig.json');
    const problems = result.diagnostics.map((d) => `${path.basename(d.file ?? '')}:${d.line} ${JSON.stringify(d.message).slice(0, 300)}`);
    expect(problems).toEqual([]);
    for (const file of files) expect(readFileSync(file, 'utf8').replace(/'[^']*'/g, "''")).not.toMatch(/\bany\b|@ts-ignore|@ts-expect-error/);
  }, 240_000);
});
