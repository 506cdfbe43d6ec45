import { format } from 'prettier';
import type { StateMachineDefinition } from '../asl/types';

/**
 * The definition as prettier-formatted JSON text with a trailing newline. Deterministic: key order
 * is the object's (the compiler emits canonical order), formatting is prettier's.
 *
 * @example
 * await writeFile(`generated/${name}.asl.json`, await formatDefinition(definition));
 */
export async function formatDefinition(definition: StateMachineDefinition): Promise<string> {
  return format(JSON.stringify(definition, null, 2), { parser: 'json', printWidth: 100 });
}
