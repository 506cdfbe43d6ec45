/**
 * Generated modules type-check under the project's strict tsconfig, with no `any` and no
 * `@ts-ignore`: the examples' imports and a spread sample of the conformance corpus, in one program.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
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
    const project = new Project({ tsConfigFilePath: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)), skipAddingFilesFromTsConfig: true });
    for (const file of files) project.addSourceFileAtPath(file);
    const problems = project
      .getPreEmitDiagnostics()
      .filter((d) => files.includes(d.getSourceFile()?.getFilePath() ?? ''))
      .map((d) => `${d.getSourceFile()?.getBaseName()}:${d.getLineNumber()} ${JSON.stringify(d.getMessageText()).slice(0, 300)}`);
    expect(problems).toEqual([]);
    for (const file of files) expect(readFileSync(file, 'utf8').replace(/'[^']*'/g, "''")).not.toMatch(/\bany\b|@ts-ignore|@ts-expect-error/);
  }, 240_000);
});
