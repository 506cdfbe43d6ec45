import type { StateMachineDefinition } from '../asl/types';
import { formatJson } from '../format/prettier';

/**
 * The definition as prettier-formatted JSON text with a trailing newline. Deterministic: key order
 * is the object's (the compiler emits canonical order), formatting is prettier's.
 *
 * @example
 * await writeFile(`generated/${name}.asl.json`, await formatDefinition(definition));
 */
export async function formatDefinition(definition: StateMachineDefinition): Promise<string> {
  // formatJson loads prettier on first use: the DSL and the compiler are imported by users'
  // workflows and tests, which should not pay for it (only the build formats files).
  return formatJson(JSON.stringify(definition, null, 2), 100);
}
