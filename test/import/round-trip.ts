/**
 * The round trip the import promises: ASL → imported module → compiled ASL, compared JSON-equal
 * (key order aside). Shared by the table-driven test and `npm run import:measure`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import * as zod from 'zod';
import * as statecraft from '../../src/index';
import { compileWorkflow } from '../../src/compiler/index';
import { importWorkflow, type ImportResult } from '../../src/import/index';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Generated modules are written inside the repository so that `zod` resolves. */
export const MODULE_DIR = join(ROOT, 'node_modules', '.cache', 'statecraft-import');
/** The generated modules' `statecraft` import, pointed at the source tree (extensionless: tsx and tsc both resolve it). */
const ENTRY = '../../../src/index';

export interface RoundTrip {
  readonly result?: ImportResult;
  /** The module file written (its `statecraft` import points at the source tree). */
  readonly file?: string;
  readonly identical: boolean;
  readonly problem?: string;
  readonly compiled?: unknown;
}

/** Sorts object keys recursively so that key order does not count. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

let counter = 0;

/**
 * Runs a generated module in this process: TypeScript → CommonJS, with `statecraft` and `zod` bound
 * to the modules already loaded here (no files, no loader). Types are only stripped (the type-check
 * tests check them): esbuild does that 5–8× faster than `ts.transpileModule` (measured on the 350
 * corpus modules: 1.4 s against 7.8 s on a loaded machine).
 */
function evaluateModule(source: string): Record<string, unknown> {
  const { code: outputText } = transformSync(source, { loader: 'ts', format: 'cjs', target: 'es2022' });
  const modules: Record<string, unknown> = { statecraft, zod };
  // esbuild's CommonJS output assigns `module.exports` (a new object), so that is what to read back.
  const module: { exports: Record<string, unknown> } = { exports: {} };
  const require = (name: string) => {
    if (!(name in modules)) throw new Error(`generated module imports '${name}'`);
    return modules[name];
  };
  new Function('require', 'exports', 'module', outputText)(require, module.exports, module);
  return module.exports;
}

/** Compiles a generated module's workflow (exported as `exportName`) back to ASL. */
export function roundTripSource(source: string, exportName: string): unknown {
  return compileWorkflow(evaluateModule(source)[exportName] as never).definition;
}

/** Writes a generated module where the type-checker resolves its imports (`statecraft` → the source tree). */
export function writeModule(source: string): string {
  mkdirSync(MODULE_DIR, { recursive: true });
  const file = join(MODULE_DIR, `m${process.pid}-${counter++}.ts`);
  writeFileSync(file, source.replace(/from 'statecraft'/g, `from '${ENTRY}'`));
  return file;
}

export async function roundTrip(
  definition: unknown,
  name: string,
  options: { stateMachineType?: 'STANDARD' | 'EXPRESS'; inputSamples?: unknown[]; write?: boolean; format?: boolean } = {},
): Promise<RoundTrip> {
  let result: ImportResult;
  try {
    result = await importWorkflow(definition, { name, stateMachineType: options.stateMachineType, inputSamples: options.inputSamples, format: options.format });
  } catch (error) {
    return { identical: false, problem: `import failed: ${(error as Error).message}` };
  }
  const file = options.write ? writeModule(result.source) : undefined;
  let compiled: unknown;
  try {
    compiled = compileWorkflow(evaluateModule(result.source)[result.exportName] as never).definition;
  } catch (error) {
    return { result, file, identical: false, problem: `compile failed: ${(error as Error).message}` };
  }
  const identical = JSON.stringify(canonical(compiled)) === JSON.stringify(canonical(definition));
  return { result, file, identical, compiled, ...(identical ? {} : { problem: 'differs' }) };
}

/** The first place two JSON values differ, as a path (`States.Charge.Parameters`), for reports. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of [...keys].sort()) {
      const inner = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      if (inner) return inner;
    }
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      const inner = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (inner) return inner;
    }
  }
  return path || '(root)';
}
