/**
 * `npm run fuzz [cases] [seed]`: runs every fuzz target (test/fuzz/targets.ts), 10,000 cases each
 * by default, and prints cases, crashes, hangs and non-AWS error names per target. Exits 1 when
 * anything was found.
 */
import { fuzzTarget, targets } from './targets';

const cases = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? Date.now() % 1_000_000);
let found = 0;
console.log(`fuzz: ${cases} cases per target, seed ${seed}`);
for (const target of targets) {
  const started = performance.now();
  const report = await fuzzTarget(target, cases, seed);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${report.name.padEnd(12)} cases ${report.cases}  crashes ${report.crashes}  hangs ${report.hangs}  non-AWS error names ${report.nonAwsErrors}  (${seconds} s)`);
  for (const example of report.examples) console.log(`  ${example.kind}: ${example.detail}\n    input: ${example.input}`);
  found += report.crashes + report.hangs + report.nonAwsErrors;
}
process.exit(found === 0 ? 0 : 1);
