/**
 * `npm run verify:measure [-- --limit N] [--explore N]`: plants one change of each kind in every
 * example and conformance definition and counts how many verify finds without being given any
 * input; then checks renamed-states and reordered-keys refactors report no difference.
 */
import { verifyEquivalence } from '../../src/verify/index';
import { CHANGE_KINDS, CONFORMANCE_FILE, loadSubjects, plantChange, readsStateNames, renameStates, reorderKeys, type ChangeKind } from './planted-changes';
import { conformanceAbsentReason } from '../../src/conformance/cases';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
};
const limit = arg('--limit');
const explore = arg('--explore');

const { subjects: all, conformanceFound } = loadSubjects();
if (!conformanceFound) console.log(`verify:measure: the conformance definitions skipped: ${conformanceAbsentReason(CONFORMANCE_FILE)} Measuring the examples only.`);
const subjects = limit === undefined ? all : all.slice(0, limit);
const found: Record<ChangeKind, { found: number; total: number }> = Object.fromEntries(CHANGE_KINDS.map((k) => [k, { found: 0, total: 0 }])) as never;
const missed: string[] = [];
const falsePositives: string[] = [];
let refactors = 0;
const started = performance.now();
for (const subject of subjects) {
  const options = { explore, name: 'Subject' };
  for (const kind of CHANGE_KINDS) {
    const planted = plantChange(subject, kind);
    if (!planted) continue;
    found[kind].total++;
    try {
      const report = await verifyEquivalence(subject.definition, planted.definition, options);
      if (!report.equivalent) found[kind].found++;
      else missed.push(`${kind} at ${planted.where} in ${subject.name}`);
    } catch (error) {
      missed.push(`${kind} at ${planted.where} in ${subject.name}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const refactored = [reorderKeys(subject.definition)];
  if (!readsStateNames(subject.definition)) refactored.push(renameStates(subject.definition));
  for (const [i, after] of refactored.entries()) {
    refactors++;
    try {
      const report = await verifyEquivalence(subject.definition, after, options);
      if (!report.equivalent) falsePositives.push(`${i === 0 ? 'reordered keys' : 'renamed states'} of ${subject.name}: ${report.difference!.description}`);
    } catch (error) {
      falsePositives.push(`${i === 0 ? 'reordered keys' : 'renamed states'} of ${subject.name}: threw ${(error as Error).message.split('\n')[0]}`);
    }
  }
}
let totalFound = 0;
let total = 0;
for (const kind of CHANGE_KINDS) {
  const { found: f, total: t } = found[kind];
  totalFound += f;
  total += t;
  console.log(`  ${kind.padEnd(36)} ${f}/${t}`);
}
if (process.argv.includes('--verbose')) {
  for (const m of missed) console.log(`  missed: ${m}`);
}
for (const fp of falsePositives) console.log(`  FALSE POSITIVE: ${fp}`);
console.log(
  `verify:measure: ${totalFound}/${total} planted changes found (${((100 * totalFound) / Math.max(1, total)).toFixed(1)}%), ` +
    `${falsePositives.length} false positives in ${refactors} refactors, ${subjects.length} definitions, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
