/**
 * Generated scenarios: inputs drawn from the input model (or a schema), task answers shaped by
 * what later states read (or drawn from the states' result schemas), and failures of every kind
 * the definitions handle. Deterministic for a seed. Generated scenarios answer by resource in
 * order and repeat the last answer ("fails every attempt" is one failure; "fails then succeeds" is
 * a failure then a result).
 */
import type { Json } from '../asl/types';
import type { RandomSource } from '../interpreter';
import { nodeAt, type InputModel, type PathNode } from './input-model';
import { clone } from './json';
import type { ResourceResults } from './result-schemas';
import { setAt, type SchemaValues } from './schema-values';
import type { Scenario, ScenarioAnswer } from './types';

const DEFAULT_LEAVES: Json[] = ['text', 1, true];
/** Result variants per resource in the systematic phase. */
const MAX_VARIANTS = 40;
const MAX_DEPTH = 6;

/** Where values come from besides the input model: the input schema and the result schemas. */
export interface GeneratorSchemas {
  /** Inputs are drawn from (and must pass) the workflow's input schema. */
  inputs?: SchemaValues;
  /** Results of these resources are drawn from (and must pass) their states' result schemas. */
  results?: ReadonlyMap<string, ResourceResults>;
}

export class ScenarioGenerator {
  private readonly inputs?: SchemaValues;
  private readonly results: ReadonlyMap<string, ResourceResults>;

  constructor(
    private readonly model: InputModel,
    private readonly resources: string[],
    private readonly random: RandomSource,
    schemas: GeneratorSchemas = {},
  ) {
    this.inputs = schemas.inputs;
    this.results = schemas.results ?? new Map();
  }

  private validInput(input: Json): boolean {
    return !this.inputs || this.inputs.accepts(input);
  }

  /**
   * Whether `scenario` is one the schemas allow: its input passes the input schema and each result
   * of a resource with result schemas passes them (shrinking keeps to such scenarios).
   */
  fits(scenario: Scenario): boolean {
    if (!this.validInput(scenario.input)) return false;
    return scenario.answers.every((answer) => {
      const results = this.results.get(answer.resource);
      const value = 'result' in answer ? answer.result : 'job' in answer ? answer.job.output : undefined;
      return !results || value === undefined || results.accepts(value);
    });
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  value(node: PathNode, depth = 0, firstChoice = false): Json | undefined {
    if (node.array && depth < MAX_DEPTH) {
      const element = node.children.get('[]');
      const length = firstChoice ? 2 : this.pick([0, 1, 2, 2, 3]);
      const items: Json[] = [];
      for (let i = 0; i < length; i++) items.push(this.value(element && element.children.size > 0 ? element : this.model.root, depth + 2, firstChoice) ?? {});
      return items;
    }
    const named = [...node.children.entries()].filter(([k]) => k !== '[]');
    if (named.length > 0 && depth < MAX_DEPTH && (firstChoice || node.candidates.length === 0 || this.chance(0.85))) {
      const out: Record<string, Json> = {};
      for (const [key, child] of named) {
        if (!firstChoice && this.chance(0.08)) continue;
        const v = this.value(child, depth + 1, firstChoice);
        if (v !== undefined) out[key] = v;
      }
      return out;
    }
    const pool = node.candidates.length > 0 ? node.candidates : node.numeric ? [0, 1, 30] : DEFAULT_LEAVES;
    return clone(firstChoice ? pool[0] : this.pick(pool));
  }

  input(firstChoice = false): Json {
    return this.inputs?.draw(firstChoice) ?? this.value(this.model.root, 0, firstChoice) ?? {};
  }

  /** A successful result for `resource`: drawn from its states' result schemas when they have some, else {@link modelResult}. */
  result(resource: string, firstChoice = false): Json {
    const schemas = this.results.get(resource);
    return schemas ? schemas.draw(firstChoice, () => this.modelResult(resource, firstChoice)) : this.modelResult(resource, firstChoice);
  }

  /**
   * A result shaped by what the definitions read: like the whole document, what its ResultPath
   * holds, or one top-level field. For `lambda:invoke` the answer is the function's payload: what
   * the definitions read under the response's `Payload` (the interpreter wraps it back).
   */
  private modelResult(resource: string, firstChoice: boolean): Json {
    const value = this.modelValue(resource, firstChoice);
    const wrapped = this.model.lambdaInvoke.has(resource) && typeof value === 'object' && value !== null && !Array.isArray(value) && 'Payload' in value;
    // `null` is a payload too (a rule may test `….Payload` IsNull).
    return wrapped ? value.Payload! : value;
  }

  private modelValue(resource: string, firstChoice: boolean): Json {
    const nodes: PathNode[] = [this.model.root];
    for (const path of this.model.resultPathsByResource.get(resource) ?? []) {
      const node = nodeAt(this.model.root, path, false);
      if (node) nodes.push(node);
    }
    if (firstChoice) return this.value(nodes[nodes.length - 1], 1, true) ?? {};
    for (const child of this.model.root.children.values()) if (child.children.size > 0) nodes.push(child);
    return this.value(this.pick(nodes), 1) ?? {};
  }

  errorNames(resource: string): string[] {
    const names = new Set<string>(['States.TaskFailed', 'Statecraft.GeneratedError']);
    for (const name of this.model.errorsByResource.get(resource) ?? []) if (name !== 'States.ALL') names.add(name);
    return [...names];
  }

  success(resource: string, firstChoice = false): ScenarioAnswer {
    const result = this.result(resource, firstChoice);
    return this.model.sync.has(resource) ? { resource, job: { seconds: firstChoice ? 0 : this.pick([0, 10]), output: result } } : { resource, result };
  }

  failure(resource: string, error: string): ScenarioAnswer {
    if (error === 'States.Timeout' && this.model.canHang.has(resource)) return { resource, neverAnswers: true };
    if (this.model.sync.has(resource) && this.chance(0.5)) return { resource, job: { seconds: 5, error, cause: 'generated failure' } };
    return { resource, error, cause: 'generated failure' };
  }

  answer(resource: string): ScenarioAnswer {
    const roll = this.random();
    if (roll < 0.62) return this.success(resource);
    if (roll < 0.95 || !this.model.canHang.has(resource)) return this.failure(resource, this.pick(this.errorNames(resource)));
    return { resource, neverAnswers: true };
  }

  answersFor(resource: string): ScenarioAnswer[] {
    const count = this.pick([1, 1, 1, 2, 2, 3]);
    return Array.from({ length: count }, () => this.answer(resource));
  }

  random_(): Scenario {
    return { input: this.input(), answers: this.resources.flatMap((r) => this.answersFor(r)), repeatLast: true };
  }

  /** The first scenarios: the plain path, then each resource failing every attempt / failing once, with each error it handles. */
  systematic(): Scenario[] {
    const base = (): Scenario => ({ input: this.input(true), answers: this.resources.map((r) => this.success(r, true)), repeatLast: true });
    const out: Scenario[] = [base()];
    // Each literal a Choice compares with (and its neighbours), once in the input and once in each
    // resource's result: this takes most Choice rules and Defaults in the first few dozen scenarios.
    const input = this.input(true);
    for (const variant of [...this.leafVariants(input), ...(this.inputs?.variants(input) ?? [])]) if (this.validInput(variant)) out.push({ ...base(), input: variant });
    for (const resource of this.resources) {
      const plain = this.success(resource, true);
      const result = 'result' in plain ? plain.result : 'job' in plain ? plain.job.output : undefined;
      if (result === undefined) continue;
      const schemas = this.results.get(resource);
      // With result schemas: each enum value, union option, boolean and fitting literal of each schema (so a Choice on it is
      // reached even when the literal it compares with is not in the definition: a variable, a JSONata expression).
      const variants = schemas
        ? [...schemas.variants(() => this.modelResult(resource, true)), ...this.leafVariants(result).filter((v) => schemas.accepts(v))]
        : this.leafVariants(result);
      for (const variant of variants.slice(0, MAX_VARIANTS)) {
        const s = base();
        const answer: ScenarioAnswer = 'job' in plain ? { resource, job: { ...plain.job, output: variant } } : { resource, result: variant };
        s.answers = [answer, ...s.answers.filter((a) => a.resource !== resource)];
        out.push(s);
      }
    }
    for (const resource of this.resources) {
      const errors = this.errorNames(resource);
      if (this.model.canHang.has(resource)) errors.push('States.Timeout');
      for (const error of errors) {
        for (const thenSucceeds of [false, true]) {
          const s = base();
          const others = s.answers.filter((a) => a.resource !== resource);
          const mine = thenSucceeds ? [this.failure(resource, error), this.success(resource, true)] : [this.failure(resource, error)];
          s.answers = [...mine, ...others];
          out.push(s);
        }
      }
    }
    return out;
  }

  /** Copies of `value` with one literal-compared leaf (outside arrays) set to each of its candidates. */
  private leafVariants(value: Json): Json[] {
    const out: Json[] = [];
    const walk = (node: PathNode, path: string[]) => {
      if (path.length > 0 && node.candidates.length > 0) {
        for (const candidate of node.candidates) out.push(setAt(clone(value), path, clone(candidate)));
      }
      for (const [key, child] of node.children) if (key !== '[]' && path.length < MAX_DEPTH) walk(child, [...path, key]);
    };
    walk(this.model.root, []);
    return out;
  }

  /** A neighbour of `scenario`: one input value or one resource's answers changed. */
  mutate(scenario: Scenario): Scenario {
    const next: Scenario = { input: clone(scenario.input), answers: scenario.answers.slice(), repeatLast: true };
    if (this.resources.length === 0 || this.chance(0.5)) {
      next.input = this.mutateValue(next.input, this.model.root, 0);
      if (!this.validInput(next.input)) next.input = this.input();
    } else {
      const resource = this.pick(this.resources);
      const others = next.answers.filter((a) => a.resource !== resource);
      const mine = next.answers.filter((a) => a.resource === resource);
      if (mine.length > 0 && this.chance(0.5)) mine[Math.floor(this.random() * mine.length)] = this.answer(resource);
      else mine.splice(0, mine.length, ...this.answersFor(resource));
      next.answers = [...mine, ...others];
    }
    return next;
  }

  private mutateValue(value: Json, node: PathNode, depth: number): Json {
    const named = [...node.children.entries()].filter(([k]) => k !== '[]');
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    if (named.length > 0 && isObject && depth < MAX_DEPTH && this.chance(0.75)) {
      const [key, child] = this.pick(named);
      const object = value as Record<string, Json>;
      if (this.chance(0.1)) delete object[key];
      else object[key] = object[key] === undefined ? (this.value(child, depth + 1) ?? null) : this.mutateValue(object[key], child, depth + 1);
      return object;
    }
    if (Array.isArray(value) && value.length > 0 && this.chance(0.6)) {
      const element = node.children.get('[]');
      const i = Math.floor(this.random() * value.length);
      value[i] = this.mutateValue(value[i], element && element.children.size > 0 ? element : this.model.root, depth + 2);
      return value;
    }
    return this.value(node, depth) ?? null;
  }
}
