/**
 * Inputs drawn from the workflow's zod input schema (through its JSON Schema), with the literals
 * the definitions compare against used wherever a field's path has them, so Choice rules still
 * get values at and around their thresholds.
 */
import type { Json } from '../asl/types';
import type { RandomSource } from '../interpreter';
import type { InputModel, PathNode } from './input-model';

type Schema = Record<string, unknown>;

/** A generator of inputs that fit `schema` (a zod schema); `undefined` when it cannot be turned into JSON Schema. */
export async function schemaInputs(schema: unknown, model: InputModel, random: RandomSource): Promise<(() => Json) | undefined> {
  let json: Schema;
  try {
    const { toJSONSchema } = await import('zod');
    json = toJSONSchema(schema as never, { unrepresentable: 'any' }) as Schema;
  } catch {
    return undefined;
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const parse = (schema as { safeParse?: (v: unknown) => { success: boolean } }).safeParse?.bind(schema);
  const draw = (s: Schema, node: PathNode | undefined, depth: number): Json => {
    if (node && node.candidates.length > 0 && random() < 0.7) return pick(node.candidates);
    if (Array.isArray(s.enum)) return pick(s.enum as Json[]);
    if (s.const !== undefined) return s.const as Json;
    const options = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (options) return draw(pick(options), node, depth);
    switch (s.type) {
      case 'object': {
        const out: Record<string, Json> = {};
        const required = new Set((s.required as string[]) ?? []);
        for (const [k, v] of Object.entries((s.properties as Record<string, Schema>) ?? {})) {
          if (!required.has(k) && random() < 0.3) continue;
          if (depth < 6) out[k] = draw(v, node?.children.get(k), depth + 1);
        }
        return out;
      }
      case 'array':
        return depth < 6 ? Array.from({ length: pick([0, 1, 2]) }, () => draw((s.items as Schema) ?? {}, node?.children.get('[]'), depth + 1)) : [];
      case 'integer':
      case 'number': {
        const min = typeof s.minimum === 'number' ? s.minimum : 0;
        const max = typeof s.maximum === 'number' ? s.maximum : min + 100;
        const n = min + random() * (max - min);
        return s.type === 'integer' ? Math.round(n) : n;
      }
      case 'boolean':
        return random() < 0.5;
      case 'string':
        return s.format === 'date-time' ? '2024-01-01T00:00:00Z' : pick(['a', 'text', '']);
      case 'null':
        return null;
      default:
        return pick(['text', 1, true]);
    }
  };
  return () => {
    let value: Json = {};
    for (let attempt = 0; attempt < 20; attempt++) {
      value = draw(json, model.root, 0);
      if (!parse || parse(value).success) return value;
    }
    return value;
  };
}
