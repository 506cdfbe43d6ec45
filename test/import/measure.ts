/**
 * `npm run import:measure`: imports every corpus definition, compiles the module back and
 * compares; then type-checks every generated module in one TypeScript program. Prints the
 * round-trip and type-check rates and the misses per feature and per first differing field.
 */
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Project } from 'ts-morph';
import { loadCorpus } from './corpus';
import { firstDifference, MODULE_DIR, roundTrip } from './round-trip';

rmSync(MODULE_DIR, { recursive: true, force: true });

const { entries, skipped } = loadCorpus();
for (const note of skipped) console.log(`skipped: ${note}`);
const misses = new Map<string, string[]>();
const files: string[] = [];
let identical = 0;
for (const [i, entry] of entries.entries()) {
  const result = await roundTrip(entry.definition, `Imported${i}`, { stateMachineType: entry.stateMachineType, write: true });
  if (result.file) files.push(result.file);
  if (result.identical) identical++;
  else {
    const where = result.compiled ? firstDifference(result.compiled, entry.definition) : result.problem;
    const field = (where ?? '').replace(/^States\.[^.]+\./, '').replace(/\[\d+\]/g, '[]');
    const key = `${entry.feature} · ${result.compiled ? field : (result.problem ?? '').slice(0, 140)}`;
    misses.set(key, [...(misses.get(key) ?? []), entry.id]);
  }
}
const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;
console.log(`round trip: ${identical}/${entries.length} JSON-identical (${pct(identical, entries.length)})`);
for (const [key, ids] of [...misses].sort((a, b) => b[1].length - a[1].length)) console.log(`  miss ×${ids.length} ${key}  e.g. ${ids[0]}`);

const project = new Project({ tsConfigFilePath: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)), skipAddingFilesFromTsConfig: true });
const sources = files.map((file) => project.addSourceFileAtPath(file));
const failing = new Map<string, string>();
for (const diagnostic of project.getPreEmitDiagnostics()) {
  const file = diagnostic.getSourceFile()?.getFilePath();
  if (file && files.includes(file) && !failing.has(file)) {
    const message = diagnostic.getMessageText();
    failing.set(file, `${typeof message === 'string' ? message : message.getMessageText()} (e.g. ${file}:${diagnostic.getLineNumber()})`);
  }
}
const untyped = files.filter((file) => /\bany\b|@ts-ignore|@ts-expect-error/.test(readFileSync(file, 'utf8').replace(/'[^']*'/g, '')));
console.log(`type-check: ${sources.length - failing.size}/${sources.length} modules type-check (${pct(sources.length - failing.size, sources.length)}); ${untyped.length} use any/@ts-ignore`);
const reasons = new Map<string, number>();
for (const message of failing.values()) {
  const key = message.split('\n')[0].slice(0, 200);
  reasons.set(key, (reasons.get(key) ?? 0) + 1);
}
for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  type error ×${count} ${reason}`);
