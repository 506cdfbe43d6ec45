import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The compiled ASL of an example workflow: `generated/<Name>.asl.json` (what `npm run build`
 * writes). The hand-written golden in `test/examples/golden/` stands in only while the build has
 * not produced the file yet; `source` says which one a test ran.
 */
export function loadExample(name: string): { definition: unknown; source: string } {
  const generated = `${ROOT}generated/${name}.asl.json`;
  const golden = `${ROOT}test/examples/golden/${name}.asl.json`;
  const file = existsSync(generated) ? generated : golden;
  if (!existsSync(file)) throw new Error(`Example '${name}' is missing: run 'npm run build' to write ${generated}.`);
  return { definition: JSON.parse(readFileSync(file, 'utf8')), source: file.slice(ROOT.length) };
}
