/**
 * Values drawn to fit a zod schema, through its JSON Schema (`z.toJSONSchema`): the one drawer for
 * generated inputs (the workflow's input schema) and task results (a Task's result schema). The
 * literals the definitions compare against are used wherever the value's path has them and they
 * fit the schema there, so Choice rules still get values at and around their thresholds. Every
 * value handed out passed the schema's own parse ({@link schemaAccepts}).
 */
import type { Json } from '../asl/types';
import type { RandomSource } from '../interpreter';
import type { PathNode } from './input-model';
import { canonical, clone } from './json';

type JsonSchema = Record<string, unknown>;

/** Draws tried with the definitions' literals before drawing from the schema alone (refinements JSON Schema cannot say). */
const ATTEMPTS = 20;
const MAX_DEPTH = 6;

/**
 * Whether the zod `schema` accepts `value`: the one place verify parses with a schema (zod's own
 * `safeParse`, so refinements and transforms count, not just what JSON Schema can say).
 */
export function schemaAccepts(schema: unknown, value: Json): boolean {
  return (schema as { safeParse(value: unknown): { success: boolean } }).safeParse(value).success;
}

/** Values that fit one zod schema. */
export interface SchemaValues {
  /** A value the schema accepts (`first`: the plainest one: every field, first options, literals first); `undefined` when no draw passed. */
  draw(first?: boolean): Json | undefined;
  /**
   * Copies of `value` (one the schema accepts) with one leaf set to each other value worth trying
   * there (each enum value and union option, both booleans, each fitting literal the definitions
   * compare against) or one optional field left out; only those the schema accepts.
   */
  variants(value: Json): Json[];
  accepts(value: Json): boolean;
}

/**
 * The drawer of `schema` (a zod schema), with the literals of the input model's `node` (where the
 * value lands) as candidates. A schema without a JSON Schema form draws any JSON value (the parse
 * still decides, so `draw` may give up and return `undefined`).
 *
 * @example
 * const inputs = await schemaValues(z.object({ amount: z.number() }), model.root, seededRandom(1));
 * inputs?.draw(); // e.g. { amount: 1000 } when a Choice compares $.amount with 1000
 */
export async function schemaValues(schema: unknown, node: PathNode | undefined, random: RandomSource): Promise<SchemaValues> {
  let json: JsonSchema;
  try {
    const { toJSONSchema } = await import('zod');
    // `io: 'input'`: the value is what gets parsed (a default may be missing, a transform's input).
    json = toJSONSchema(schema as never, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  } catch {
    json = {};
  }
  return new SchemaDrawer(json, node, random, (value) => schemaAccepts(schema, value));
}

const isObject = (v: unknown): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `value` with `path` set to `leaf` (objects created on the way; a non-object on the way is replaced). */
export function setAt(value: Json, path: readonly string[], leaf: Json): Json {
  if (path.length === 0) return leaf;
  const object = isObject(value) ? value : {};
  object[path[0]] = setAt(object[path[0]] ?? {}, path.slice(1), leaf);
  return object;
}

/** `value` without the field at `path`. */
function withoutAt(value: Json, path: readonly string[]): Json {
  let object: Json = value;
  for (const key of path.slice(0, -1)) object = isObject(object) ? object[key] : null;
  if (isObject(object)) delete object[path[path.length - 1]];
  return value;
}

class SchemaDrawer implements SchemaValues {
  constructor(
    private readonly root: JsonSchema,
    private readonly node: PathNode | undefined,
    private readonly random: RandomSource,
    readonly accepts: (value: Json) => boolean,
  ) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  /** `s` with `$ref`s followed (zod refers to `#` or `#/$defs/…` for recursive and shared schemas). */
  private resolve(s: unknown): JsonSchema {
    let out: unknown = s;
    for (let hops = 0; isObject(out) && typeof out.$ref === 'string' && hops < 10; hops++) {
      const ref = out.$ref as string;
      out = ref === '#' ? this.root : ref.startsWith('#/') ? ref.slice(2).split('/').reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), this.root) : undefined;
    }
    // `true`/`{}` (anything) and `false` both draw as "anything"; the parse decides.
    return isObject(out) ? (out as JsonSchema) : {};
  }

  draw(first = false): Json | undefined {
    for (const node of [this.node, undefined]) {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const value = this.value(this.root, node, 0, first && attempt === 0);
        if (this.accepts(value)) return value;
      }
      if (!this.node) break;
    }
    return undefined;
  }

  private value(raw: unknown, node: PathNode | undefined, depth: number, first: boolean): Json {
    const s = this.resolve(raw);
    const literals = node ? node.candidates.filter((c) => this.fits(s, c)) : [];
    if (literals.length > 0 && (first || this.random() < 0.7)) return clone(first ? literals[0] : this.pick(literals));
    if (Array.isArray(s.enum) && s.enum.length > 0) return clone((first ? s.enum[0] : this.pick(s.enum)) as Json);
    if (s.const !== undefined) return clone(s.const as Json);
    const options = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
    if (Array.isArray(options) && options.length > 0) return this.value(first ? options[0] : this.pick(options), node, depth, first);
    if (Array.isArray(s.allOf)) return s.allOf.map((part) => this.value(part, node, depth, first)).reduce((a, b) => deepMerge(a, b), {});
    const type = Array.isArray(s.type) ? (first ? s.type[0] : this.pick(s.type)) : (s.type ?? (s.properties ? 'object' : undefined));
    switch (type) {
      case 'object':
        return this.object(s, node, depth, first);
      case 'array':
        return this.array(s, node, depth, first);
      case 'integer':
      case 'number':
        return this.number(s, type === 'integer', first);
      case 'boolean':
        return first ? true : this.random() < 0.5;
      case 'string':
        return this.string(s, first);
      case 'null':
        return null;
      default:
        return first ? 'text' : this.pick(['text', 1, true]);
    }
  }

  private object(s: JsonSchema, node: PathNode | undefined, depth: number, first: boolean): Json {
    const out: Record<string, Json> = {};
    const required = new Set((s.required as string[] | undefined) ?? []);
    for (const [key, property] of Object.entries((s.properties as Record<string, unknown> | undefined) ?? {})) {
      if (!required.has(key) && (depth >= MAX_DEPTH || (!first && this.random() < 0.3))) continue;
      out[key] = depth < MAX_DEPTH ? this.value(property, node?.children.get(key), depth + 1, first) : {};
    }
    return out;
  }

  private array(s: JsonSchema, node: PathNode | undefined, depth: number, first: boolean): Json {
    const prefix = (s.prefixItems as unknown[] | undefined) ?? [];
    const min = typeof s.minItems === 'number' ? s.minItems : 0;
    const max = typeof s.maxItems === 'number' ? s.maxItems : Math.max(min, 2);
    if (depth >= MAX_DEPTH && min === 0) return [];
    const length = first ? Math.min(max, Math.max(min, 1)) : min + Math.floor(this.random() * (max - min + 1));
    const element = node?.children.get('[]');
    return Array.from({ length }, (_, i) => this.value(i < prefix.length ? prefix[i] : (s.items ?? {}), element, depth + 1, first));
  }

  private number(s: JsonSchema, integer: boolean, first: boolean): Json {
    const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
    const step = integer ? 1 : 0.5;
    const min = num(s.minimum) ?? (num(s.exclusiveMinimum) !== undefined ? num(s.exclusiveMinimum)! + step : undefined);
    const max = num(s.maximum) ?? (num(s.exclusiveMaximum) !== undefined ? num(s.exclusiveMaximum)! - step : undefined);
    // Values within 0–100 where the range allows (zod's int() is bounded by ±2^53): readable and near the usual thresholds.
    let low = Math.max(0, min ?? 0);
    let high = Math.min(100, max ?? 100);
    if (low > high) {
      if (min !== undefined && min > 100) [low, high] = [min, Math.min(max ?? min + 100, min + 100)];
      else [low, high] = [Math.max(min ?? (max ?? 0) - 100, (max ?? 0) - 100), max ?? 0];
    }
    const drawn = first ? low : this.pick([low, high, low + this.random() * (high - low)]);
    const multiple = num(s.multipleOf);
    const n = multiple ? Math.round(drawn / multiple) * multiple : integer ? Math.round(drawn) : drawn;
    return integer && n < low ? Math.ceil(low) : n;
  }

  private string(s: JsonSchema, first: boolean): Json {
    const formatted = FORMATS[s.format as string];
    if (formatted !== undefined) return formatted;
    // `^abc…`: zod's startsWith (and many hand-written patterns) begin with a literal prefix.
    const prefix = typeof s.pattern === 'string' ? (/^\^((?:[\w \-:/@]|\\.)*)/.exec(s.pattern)?.[1] ?? '').replace(/\\(.)/g, '$1') : '';
    let text = prefix + (first ? 'text' : this.pick(['a', 'text', '', 'Text 1']));
    const min = typeof s.minLength === 'number' ? s.minLength : 0;
    const max = typeof s.maxLength === 'number' ? s.maxLength : Number.POSITIVE_INFINITY;
    if (text.length < min) text = text.padEnd(min, 'x');
    return text.length > max ? text.slice(0, max) : text;
  }

  /** A quick check of a literal against the schema where it would go (the whole value is parsed with zod afterwards). */
  private fits(raw: unknown, value: Json): boolean {
    const s = this.resolve(raw);
    if (Array.isArray(s.enum)) return s.enum.some((e) => canonical(e) === canonical(value));
    if (s.const !== undefined) return canonical(s.const) === canonical(value);
    const options = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
    if (Array.isArray(options)) return options.some((o) => this.fits(o, value));
    if (Array.isArray(s.allOf) && !s.allOf.every((part) => this.fits(part, value))) return false;
    const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : s.properties ? ['object'] : undefined;
    if (types && !types.includes(jsonType(value)) && !(types.includes('number') && jsonType(value) === 'integer')) return false;
    if (typeof value === 'number') {
      if (typeof s.minimum === 'number' && value < s.minimum) return false;
      if (typeof s.maximum === 'number' && value > s.maximum) return false;
      if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) return false;
      if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) return false;
    }
    if (typeof value === 'string') {
      if (typeof s.minLength === 'number' && value.length < s.minLength) return false;
      if (typeof s.maxLength === 'number' && value.length > s.maxLength) return false;
      if (typeof s.pattern === 'string' && !matches(s.pattern, value)) return false;
    }
    return true;
  }

  variants(value: Json): Json[] {
    const out: Json[] = [];
    const seen = new Set<string>([canonical(value)]);
    const add = (variant: Json) => {
      const key = canonical(variant);
      if (seen.has(key)) return;
      seen.add(key);
      if (this.accepts(variant)) out.push(variant);
    };
    const walk = (raw: unknown, node: PathNode | undefined, at: Json, path: string[]) => {
      const s = this.resolve(raw);
      const options = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
      const others: Json[] = [
        ...((Array.isArray(s.enum) ? s.enum : []) as Json[]),
        ...(Array.isArray(options) ? options.map((o) => this.value(o, node, path.length, true)) : []),
        ...(Array.isArray(s.type) ? (s.type as string[]).map((type) => this.value({ ...s, type }, node, path.length, true)) : []),
        ...(s.type === 'boolean' ? [true, false] : []),
        ...(node ? node.candidates.filter((c) => this.fits(s, c)) : []),
      ];
      for (const other of others) add(setAt(clone(value), path, clone(other)));
      if (!isObject(at) || path.length >= MAX_DEPTH) return;
      const required = new Set((s.required as string[] | undefined) ?? []);
      for (const [key, property] of Object.entries((s.properties as Record<string, unknown> | undefined) ?? {})) {
        if (!(key in at)) continue;
        if (!required.has(key)) add(withoutAt(clone(value), [...path, key]));
        walk(property, node?.children.get(key), at[key], [...path, key]);
      }
    };
    walk(this.root, this.node, value, []);
    return out;
  }
}

/** Values for string formats zod emits (`z.email()`, `z.uuid()`, `z.iso.datetime()`, …). */
const FORMATS: Record<string, string> = {
  email: 'user@example.com',
  uuid: '123e4567-e89b-42d3-a456-426614174000',
  guid: '123e4567-e89b-42d3-a456-426614174000',
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00',
  duration: 'P1D',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  hostname: 'example.com',
};

function jsonType(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}

/** Objects merged key by key (deeply); anything else: `b`. */
export function deepMerge(a: Json, b: Json): Json {
  if (!isObject(a) || !isObject(b)) return b;
  const out: Record<string, Json> = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = key in out ? deepMerge(out[key], value) : value;
  return out;
}
