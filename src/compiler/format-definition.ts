import type { StateMachineDefinition } from '../asl/types';

/**
 * The definition as prettier-formatted JSON text with a trailing newline. Deterministic: key order
 * is the object's (the compiler emits canonical order), formatting is prettier's.
 *
 * @example
 * await writeFile(`generated/${name}.asl.json`, await formatDefinition(definition));
 */
export async function formatDefinition(definition: StateMachineDefinition): Promise<string> {
  // Loaded on first use: the DSL and the compiler are imported by users' workflows and tests,
  // which should not pay for prettier (only the build formats files).
  const { format } = await import('prettier');
  return format(JSON.stringify(definition, null, 2), { parser: 'json', printWidth: 100 });
}
