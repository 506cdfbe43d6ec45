/**
 * A fingerprint of the code that draws diagrams (this folder's files and the installed elkjs), so
 * the build's output cache re-renders `generated/<Name>.svg` when the drawing code changes and
 * skips loading ELK when nothing did. Cheap: file sizes and modification times, no reading.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let computed: Promise<string> | undefined;

/** The fingerprint (computed once per process). */
export function diagramRendererVersion(): Promise<string> {
  computed ??= fingerprint();
  return computed;
}

async function fingerprint(): Promise<string> {
  const hash = createHash('sha1');
  const folder = dirname(fileURLToPath(import.meta.url));
  const files = await readdir(folder, { recursive: true });
  for (const file of files.sort()) {
    const info = await stat(join(folder, file));
    if (info.isFile()) hash.update(`${file}\0${info.size}\0${info.mtimeMs}\n`);
  }
  try {
    const elk = createRequire(import.meta.url).resolve('elkjs/package.json');
    const info = await stat(elk);
    hash.update(`elkjs\0${info.size}\0${info.mtimeMs}`);
  } catch {
    // elkjs missing: rendering will fail with its own message.
  }
  return hash.digest('hex');
}
