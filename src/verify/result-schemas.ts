/**
 * Task results drawn from the result schemas a workflow's Task states carry
 * (`lambda.invoke(fn, payload, { result })`, `withResultSchema(…)`), so generated scenarios get the
 * results the real service would return (every value of an enum, both branches of a union) even
 * where no definition shows the literal a Choice compares against.
 *
 * Scenarios answer by resource, never by state (renamed states must get the same answers), while
 * schemas belong to states. So the schemas of all states on one resource are combined: a result is
 * one draw of each schema merged into one value (objects key by key) that every one of them
 * accepts, so whichever of those states receives it gets a valid result; when a state on the same
 * resource has no schema, the value drawn from what the definitions read is merged under it too.
 * When the schemas contradict each other (no merged value passes them all) each result fits one of
 * them, chosen at random, as a real call could only answer for one function.
 */
import type { Json, StateMachineDefinition, TaskState } from '../asl/types';
import type { ResultSchemaNode } from '../dsl/ast/states';
import type { RandomSource } from '../interpreter';
import { nodeAt, pathSegments, type InputModel, type PathNode } from './input-model';
import type { MachineModel } from './machine-model';
import { deepMerge, schemaValues, type SchemaValues } from './schema-values';

/** One version that is a workflow: its machine model and its Task states' result schemas by state name. */
export interface WorkflowSchemas {
  machine: MachineModel;
  schemas: ReadonlyMap<string, ResultSchemaNode>;
}

/** The results of one resource, drawn from the schemas of its states. */
export class ResourceResults {
  private readonly drawers: readonly SchemaValues[];
  /** Each schema's first (plainest) value. */
  private readonly firsts: Json[];
  /** No merged value passes every schema: each result fits one of them. */
  readonly conflicting: boolean;

  constructor(
    schemas: readonly { drawer: SchemaValues; first: Json }[],
    /** A state on this resource has no schema: the model's value is merged under the schemas' (when they all still accept it). */
    private readonly mixed: boolean,
    private readonly random: RandomSource,
  ) {
    this.drawers = schemas.map((s) => s.drawer);
    this.firsts = schemas.map((s) => s.first);
    this.conflicting = !this.fitsAll(this.firsts.reduce((a, b) => deepMerge(a, b)));
  }

  private fitsAll(value: Json): boolean {
    return this.drawers.every((d) => d.accepts(value));
  }

  /** Whether `value` is a result this resource may give: every schema accepts it (one of them when they conflict). */
  accepts(value: Json): boolean {
    return this.conflicting ? this.drawers.some((d) => d.accepts(value)) : this.fitsAll(value);
  }

  /** One draw per schema → one result (see the module comment); `model` draws the value shaped by what the definitions read. */
  private combine(parts: Json[], first: boolean, model: () => Json): Json {
    if (this.conflicting) return first ? parts[0] : parts[Math.floor(this.random() * parts.length)];
    const merged = parts.reduce((a, b) => deepMerge(a, b));
    if (this.mixed) {
      const whole = deepMerge(model(), merged);
      if (this.fitsAll(whole)) return whole;
    }
    return this.fitsAll(merged) ? merged : this.firsts.reduce((a, b) => deepMerge(a, b));
  }

  draw(first: boolean, model: () => Json): Json {
    return this.combine(
      this.drawers.map((d, i) => (first ? this.firsts[i] : (d.draw() ?? this.firsts[i]))),
      first,
      model,
    );
  }

  /** The first result with one schema's leaf changed to each value worth trying there (see {@link SchemaValues.variants}). */
  variants(model: () => Json): Json[] {
    const out: Json[] = [];
    this.drawers.forEach((drawer, i) => {
      for (const variant of drawer.variants(this.firsts[i])) {
        const parts = this.firsts.slice();
        parts[i] = variant;
        const value = this.conflicting ? variant : this.combine(parts, true, model);
        if (this.accepts(value)) out.push(value);
      }
    });
    return out;
  }
}

/** Where a Task's result lands in the input model (whose literals become candidates); `undefined` when it is reshaped or dropped first. */
function landing(state: TaskState, definition: StateMachineDefinition, of: ResultSchemaNode['of']): string[] | undefined {
  const jsonata = (state.QueryLanguage ?? definition.QueryLanguage) === 'JSONata';
  // JSONata: the input model reads `$states.result…` from its root, as the state's Output/Assign sees it.
  const path = jsonata ? [] : state.ResultSelector !== undefined || state.ResultPath === null ? undefined : state.ResultPath === undefined ? [] : pathSegments(state.ResultPath);
  return path && of === 'Payload' ? [...path, 'Payload'] : path;
}

/**
 * The schema-drawn results of every resource some workflow version's Task states give a result
 * schema, and warnings for schemas nothing can be drawn from (those states' results are then drawn
 * from what the definitions read, as without a schema).
 */
export async function resultsFromSchemas(
  workflows: readonly WorkflowSchemas[],
  model: InputModel,
  random: RandomSource,
): Promise<{ byResource: Map<string, ResourceResults>; warnings: string[] }> {
  const entries = new Map<string, { drawers: { drawer: SchemaValues; first: Json }[]; seen: ResultSchemaNode[] }>();
  const unschemed = new Set<string>();
  const warnings: string[] = [];
  for (const { machine, schemas } of workflows) {
    for (const [name, info] of machine.states) {
      if (info.state.Type !== 'Task') continue;
      const state = info.state as TaskState;
      const node = schemas.get(name);
      if (!node) {
        unschemed.add(state.Resource);
        continue;
      }
      const entry = entries.get(state.Resource) ?? { drawers: [], seen: [] };
      entries.set(state.Resource, entry);
      // The same schema on several states (or in both versions) is one schema.
      if (entry.seen.some((s) => s.schema === node.schema && s.of === node.of)) continue;
      entry.seen.push(node);
      const path = landing(state, machine.definition, node.of);
      const at: PathNode | undefined = path ? nodeAt(model.root, path, false) : undefined;
      const drawer = await schemaValues(node.schema, at, random);
      const first = drawer.draw(true);
      if (first === undefined) {
        warnings.push(`the result schema of Task '${name}' (${state.Resource}) accepted none of the values drawn for it; its results are drawn from what the definitions read instead.`);
        unschemed.add(state.Resource);
        continue;
      }
      entry.drawers.push({ drawer, first });
    }
  }
  const byResource = new Map<string, ResourceResults>();
  for (const [resource, { drawers }] of entries) {
    if (drawers.length > 0) byResource.set(resource, new ResourceResults(drawers, unschemed.has(resource), random));
  }
  return { byResource, warnings };
}
