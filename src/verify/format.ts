/** Text for people: the one-line verdict, the counterexample as a scenario file and a vitest snippet. */
import { describeEnd } from './compare-observations';
import { transitionPercent } from './coverage';
import type { Scenario, VerifyReport } from './types';

/**
 * `OrderFlow: behaviour unchanged (412 scenarios, 100% of transitions in both versions)` or the
 * difference line.
 *
 * @example
 * console.log(verdictLine('OrderFlow', await verifyEquivalence(before, after)));
 */
export function verdictLine(name: string, report: VerifyReport): string {
  const b = transitionPercent(report.coverage.before);
  const a = transitionPercent(report.coverage.after);
  const coverage = b === a ? `${b}% of transitions in both versions` : `${b}% of transitions before, ${a}% after`;
  if (report.equivalent) return `${name}: behaviour unchanged (${report.scenarios} scenarios, ${coverage})`;
  return `${name}: behaviour CHANGED: ${report.difference!.description}`;
}

/**
 * The scenario as the JSON file `--scenarios` reads.
 *
 * @example
 * writeFileSync('counterexample.json', scenarioFile(report.difference!.scenario));
 */
export function scenarioFile(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/**
 * A vitest test reproducing the difference with `verifyEquivalence` on this one scenario.
 *
 * @example
 * const d = report.difference!;
 * writeFileSync('order-flow.test.ts', vitestSnippet('OrderFlow', d.scenario, d.description, { before: 'old.asl.json', after: 'new.asl.json' }));
 */
export function vitestSnippet(name: string, scenario: Scenario, description: string, files: { before: string; after: string }): string {
  return [
    `import { readFileSync } from 'node:fs';`,
    `import { expect, test } from 'vitest';`,
    `import { verifyEquivalence } from 'statecraft/verify';`,
    ...([files.before, files.after].some(isModule) ? [`import { compileWorkflow } from 'statecraft';`] : []),
    ``,
    `// ${description.replace(/\n/g, ' ')}`,
    `test(${JSON.stringify(`${name} keeps its behaviour`)}, async () => {`,
    `  const before = ${sideExpression(files.before)};`,
    `  const after = ${sideExpression(files.after)};`,
    `  const scenario = ${JSON.stringify(scenario)};`,
    `  const report = await verifyEquivalence(before, after, { scenarios: [scenario], explore: 0 });`,
    `  expect(report.difference?.description).toBeUndefined();`,
    `});`,
    ``,
  ].join('\n');
}

/** How the snippet loads one side: an ASL file is read; a workflow module (`x.ts#Export`) is imported and compiled. */
const isModule = (file: string) => /\.(ts|mts|js|mjs)$/.test(file.split('#')[0]);

function sideExpression(file: string): string {
  const [path, exportName] = file.split('#');
  if (!isModule(file)) return `JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'))`;
  const specifier = path.startsWith('/') || path.startsWith('.') ? path : `./${path}`;
  const module = `(await import(${JSON.stringify(specifier)}))`;
  return `compileWorkflow(${module}${exportName ? `[${JSON.stringify(exportName)}]` : '.default'}).definition`;
}

/**
 * The full counterexample block the CLI prints: verdict, both endings, the scenario file, the vitest snippet.
 *
 * @example
 * if (!report.equivalent) process.stdout.write(formatDifference('OrderFlow', report));
 */
export function formatDifference(name: string, report: VerifyReport): string {
  const d = report.difference!;
  const lines = [
    verdictLine(name, report),
    `  found by: ${d.source}`,
    `  before: ${d.before.calls.length} call(s), ended ${describeEnd(d.before.end)}`,
    `  after:  ${d.after.calls.length} call(s), ended ${describeEnd(d.after.end)}`,
    '',
    'Scenario (save it and pass it with --scenarios):',
    scenarioFile(d.scenario).trimEnd(),
    '',
    'Vitest:',
    d.vitest.trimEnd(),
  ];
  return `${lines.join('\n')}\n`;
}
