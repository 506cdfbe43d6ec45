/**
 * Import: any ASL definition becomes a typed DSL workflow module that compiles back to the same
 * definition. ts-morph and prettier are loaded only when an import runs.
 *
 * @example
 * const source = await importDefinition(JSON.parse(await readFile('order.asl.json', 'utf8')), { name: 'OrderFlow' });
 * await writeFile('workflows/order-flow.ts', source);
 */
import type { ImportOptions, ImportResult } from './generate-module';

export type { ImportOptions, ImportResult } from './generate-module';
export { ImportValidationError } from './import-error';

/**
 * The TypeScript module (formatted source) of a workflow equivalent to `definition`. Rejects
 * invalid ASL with an `ImportValidationError` carrying the validator's diagnostics.
 *
 * @example
 * const source = await importDefinition(definition, { name: 'LotteryDraw', inputSamples: [{ input: 3 }] });
 */
export async function importDefinition(definition: unknown, options: ImportOptions): Promise<string> {
  return (await importWorkflow(definition, options)).source;
}

/**
 * As `importDefinition`, also returning the exported constant's name and notes on every escape
 * hatch (what could not be typed).
 *
 * @example
 * const { source, notes } = await importWorkflow(definition, { name: 'LotteryDraw' });
 */
export async function importWorkflow(definition: unknown, options: ImportOptions): Promise<ImportResult> {
  const { generateModule } = await import('./generate-module');
  return generateModule(definition, options);
}

