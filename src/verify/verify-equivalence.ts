/**
 * `verifyEquivalence(before, after)`: runs both versions side by side over the user's scenarios,
 * recorded histories and a generated, coverage-guided suite, and reports the first observable
 * difference (shrunk) or that none was found, with the coverage reached in each version.
 */
import type { StateMachineDefinition } from '../asl/types';
import type { ResultSchemaNode } from '../dsl/ast/states';
import { seededRandom, type RandomSource } from '../interpreter';
import { firstDifference } from './compare-observations';
import { summariseCoverage } from './coverage';
import { writeDifferenceReport } from './difference-report';
import { vitestSnippet } from './format';
import { ScenarioGenerator } from './generate';
import { replayHistory } from './history-replay';
import { buildInputModel } from './input-model';
import { mockConfigScenarios } from './mock-config-scenarios';
import { shrinkScenario } from './shrink';
import { Side, type ScenarioRun } from './side';
import { START } from './machine-model';
import { resultsFromSchemas } from './result-schemas';
import { schemaValues } from './schema-values';
import type { Difference, Scenario, VerifyOptions, VerifyReport } from './types';

/**
 * Generated scenarios at most, unless `explore` says otherwise.
 *
 * @example
 * await verifyEquivalence(before, after, { explore: DEFAULT_EXPLORE * 5 }); // a longer search
 */
export const DEFAULT_EXPLORE = 2000;
/** Keep exploring at least this long even when everything is covered: values around each literal still matter. */
const MIN_GENERATED = 120;
/** Generated inputs each MockConfigFile test case is run with. */
const MOCK_CONFIG_INPUTS = 15;
/** Give up on the remaining goals after this many scenarios without new coverage. */
const PLATEAU = 600;

/** Both versions, run in lockstep (same start instant, same execution names, same seeds). */
export class VersionPair {
  readonly coveredBefore = new Set<string>();
  readonly coveredAfter = new Set<string>();
  /** Runs, shrinking included. */
  runs = 0;
  /** Scenarios explored (what the report counts). */
  explored = 0;

  constructor(
    readonly before: Side,
    readonly after: Side,
  ) {}

  async run(scenario: Scenario): Promise<{ before: ScenarioRun; after: ScenarioRun; difference?: string }> {
    const start = Math.max(this.before.now(), this.after.now());
    await this.before.advanceTo(start);
    await this.after.advanceTo(start);
    const before = await this.before.run(scenario);
    const after = await this.after.run(scenario);
    this.runs++;
    return { before, after, difference: firstDifference(before.observation, after.observation) };
  }

  /** Runs and records coverage; true when either version reached something new. */
  async explore(scenario: Scenario): Promise<{ newCoverage: boolean; difference?: string; before: ScenarioRun; after: ScenarioRun }> {
    const r = await this.run(scenario);
    this.explored++;
    let fresh = false;
    for (const [seen, run] of [[this.coveredBefore, r.before], [this.coveredAfter, r.after]] as const) {
      for (const key of run.covered) {
        if (!seen.has(key)) {
          seen.add(key);
          fresh = true;
        }
      }
    }
    return { ...r, newCoverage: fresh };
  }

  fullyCovered(): boolean {
    for (const key of this.before.model.goals.keys()) if (!this.coveredBefore.has(key) && reachable(this.before, key)) return false;
    for (const key of this.after.model.goals.keys()) if (!this.coveredAfter.has(key) && reachable(this.after, key)) return false;
    return true;
  }
}

const stateOf = (key: string) => key.split('\u0000')[1];
const reachable = (side: Side, key: string) => stateOf(key) === START || side.model.reachable.has(stateOf(key));

interface SideDefinition {
  definition: unknown;
  name?: string;
  type?: 'STANDARD' | 'EXPRESS';
  /** A workflow's Task result schemas by state name (none for an ASL document). */
  resultSchemas?: ReadonlyMap<string, ResultSchemaNode>;
}

/** A workflow (from the DSL) or an ASL document → the ASL document and the workflow's name/type/result schemas. */
async function toDefinition(value: unknown): Promise<SideDefinition> {
  if (value && typeof value === 'object' && !('States' in value)) {
    const [{ compileWorkflow, isWorkflow }, { resultSchemasOf }] = await Promise.all([import('../compiler'), import('../dsl/ast/result-schemas')]);
    if (isWorkflow(value)) {
      const compiled = compileWorkflow(value as never);
      return { definition: compiled.definition, name: compiled.name, type: compiled.stateMachineType, resultSchemas: resultSchemasOf(value) };
    }
  }
  return { definition: value };
}

/**
 * The generator of both versions' scenarios: inputs from the input model or `options.inputSchema`,
 * task results from the input model or, for resources whose Task states carry result schemas (a
 * version given as a workflow), from those schemas.
 */
async function scenarioGenerator(b: SideDefinition, a: SideDefinition, pair: VersionPair, options: VerifyOptions, random: RandomSource, warnings: string[]): Promise<ScenarioGenerator> {
  const model = buildInputModel([b.definition as StateMachineDefinition, a.definition as StateMachineDefinition]);
  const resources = [...new Set([...pair.before.model.resources, ...pair.after.model.resources])].sort();
  const inputs = options.inputSchema ? await schemaValues(options.inputSchema, model.root, random) : undefined;
  const workflows = [
    { side: pair.before, schemas: b.resultSchemas },
    { side: pair.after, schemas: a.resultSchemas },
  ].flatMap(({ side, schemas }) => (schemas && schemas.size > 0 ? [{ machine: side.model, schemas }] : []));
  const results = await resultsFromSchemas(workflows, model, random);
  warnings.push(...results.warnings);
  return new ScenarioGenerator(model, resources, random, { inputs, results: results.byResource });
}

/**
 * The scenarios verify generates for `before`/`after` without running them: the systematic ones,
 * then `count` random ones and `count` neighbours of those (what `verifyEquivalence` explores, for
 * tests of the generator; not part of the public API).
 */
export async function generatedScenarios(before: unknown, after: unknown, options: VerifyOptions = {}, count = 100): Promise<{ scenarios: Scenario[]; warnings: string[] }> {
  const b = await toDefinition(before);
  const a = await toDefinition(after);
  const name = options.name ?? a.name ?? b.name ?? 'StateMachine';
  const pair = new VersionPair(new Side('before', b.definition, name, b.type), new Side('after', a.definition, name, a.type ?? b.type));
  const warnings: string[] = [];
  const random = seededRandom(options.seed ?? 1);
  const generator = await scenarioGenerator(b, a, pair, options, random, warnings);
  const drawn = Array.from({ length: count }, () => generator.random_());
  const neighbours = drawn.map((s) => generator.mutate(s));
  return { scenarios: [...generator.systematic(), ...drawn, ...neighbours], warnings };
}

/**
 * Proves (as far as testing can) that `after` behaves like `before`: same calls to the outside
 * (resource, effective parameters, credentials, in order; Parallel/Map calls as multisets), same
 * Wait durations, same ending. State names, Pass/Choice counts and event ids do not count.
 * Each version is an ASL document or a DSL workflow; a workflow's Task result schemas
 * (`lambda.invoke(fn, payload, { result })`, `withResultSchema`) shape the generated task results.
 * Throws `InvalidSideError` (naming the side, state and field) for an invalid definition.
 *
 * @example
 * const report = await verifyEquivalence(committedAsl, newAsl, { explore: 500, seed: 7 });
 * await verifyEquivalence(committedAsl, orderFlow); // results drawn from orderFlow's result schemas
 * if (!report.equivalent) console.log(report.difference!.description, report.difference!.scenario);
 */
export async function verifyEquivalence(before: unknown, after: unknown, options: VerifyOptions = {}): Promise<VerifyReport> {
  const b = await toDefinition(before);
  const a = await toDefinition(after);
  const name = options.name ?? a.name ?? b.name ?? 'StateMachine';
  const pair = new VersionPair(new Side('before', b.definition, name, b.type), new Side('after', a.definition, name, a.type ?? b.type));
  const warnings: string[] = [];
  const report = (difference?: Difference): VerifyReport => ({
    equivalent: difference === undefined,
    scenarios: pair.explored,
    coverage: { before: summariseCoverage(pair.before.model, pair.coveredBefore, pair.explored), after: summariseCoverage(pair.after.model, pair.coveredAfter, pair.explored) },
    difference,
    warnings,
  });
  const labels = options.labels ?? { before: 'before', after: 'after' };
  /** The report of `difference`, with its side-by-side HTML page written when `options.report` asks for one. */
  const differs = async (difference: Difference, histories: { before: () => readonly unknown[]; after: () => readonly unknown[] }): Promise<VerifyReport> => {
    const answer = report(difference);
    if (options.report === undefined) return answer;
    const problem = await writeDifferenceReport(
      options.report,
      name,
      difference,
      { definition: b.definition, history: histories.before, label: labels.before },
      { definition: a.definition, history: histories.after, label: labels.after },
    );
    if (problem) warnings.push(problem);
    else answer.reportFile = options.report;
    return answer;
  };
  const found = async (scenario: Scenario, source: string, shrink: boolean, run: Awaited<ReturnType<VersionPair['run']>>): Promise<VerifyReport> => {
    const small = shrink ? await shrinkScenario(scenario, async (s) => generator.fits(s) && (await pair.run(s)).difference !== undefined) : scenario;
    const r = small === scenario ? run : await pair.run(small);
    const description = r.difference ?? 'the difference disappeared when re-run (nondeterminism)';
    return differs(
      {
        scenario: small,
        before: r.before.observation,
        after: r.after.observation,
        description,
        source,
        vitest: vitestSnippet(name, small, description, { before: 'before.asl.json', after: 'after.asl.json' }),
      },
      { before: r.before.renderedHistory, after: r.after.renderedHistory },
    );
  };

  const random = seededRandom(options.seed ?? 1);
  const generator = await scenarioGenerator(b, a, pair, options, random, warnings);

  // The user's scenarios first: they are what the team already trusts.
  for (const [i, scenario] of (options.scenarios ?? []).entries()) {
    const r = await pair.explore(scenario);
    const label = scenario.name ?? `#${i + 1}`;
    for (const w of r.before.unused) warnings.push(`scenario ${label}: ${w}`);
    if (r.difference) return found(scenario, `scenario ${label}`, false, r);
  }
  if (options.mockConfig !== undefined) {
    for (const { testCase, scenario } of await mockConfigScenarios(options.mockConfig, b.definition, name, b.type, [generator.input(true), ...Array.from({ length: MOCK_CONFIG_INPUTS }, () => generator.input())])) {
      const r = await pair.explore(scenario);
      if (r.difference) return found(scenario, `MockConfigFile test case ${testCase}`, false, r);
    }
  }
  for (const [i, history] of (options.histories ?? []).entries()) {
    const replay = await replayHistory(history.history, a.definition, name, a.type ?? b.type);
    const label = history.name ?? `history #${i + 1}`;
    warnings.push(...replay.warnings.map((w) => `${label}: ${w}`));
    if (replay.difference) {
      // The recording stands for the before version (it is what ran on AWS).
      return differs(
        {
          scenario: replay.scenario,
          before: replay.recorded,
          after: replay.replayed,
          description: replay.difference,
          source: `history ${label}`,
          vitest: vitestSnippet(name, replay.scenario, replay.difference, { before: 'before.asl.json', after: 'after.asl.json' }),
        },
        { before: () => replay.histories.recorded, after: replay.histories.replayed },
      );
    }
  }

  const budget = options.explore ?? DEFAULT_EXPLORE;
  const corpus: Scenario[] = [];
  let generated = 0;
  let sinceNew = 0;
  const queue = budget > 0 ? generator.systematic() : [];
  while (generated < budget) {
    const scenario = queue.shift() ?? (corpus.length === 0 || random() < 0.3 ? generator.random_() : generator.mutate(corpus[Math.floor(random() * corpus.length)]));
    generated++;
    const r = await pair.explore(scenario);
    if (r.difference) return found(scenario, 'generated', true, r);
    if (r.newCoverage) {
      corpus.push(scenario);
      sinceNew = 0;
    } else sinceNew++;
    if (queue.length === 0 && generated >= Math.min(MIN_GENERATED, budget) && (pair.fullyCovered() || sinceNew >= PLATEAU)) break;
  }
  return report();
}

