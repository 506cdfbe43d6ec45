import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { readTextFile } from '../../read-json-file';

/**
 * The S3 objects `statecraft run` gives the execution (what a Distributed Map's `ItemReader`
 * reads): `--s3 bucket/key=file` (repeatable) and `--s3-dir DIR`, whose first-level folders are
 * buckets and whose files are objects keyed by their path below the bucket
 * (`DIR/orders/2024/items.csv` → `s3://orders/2024/items.csv`). Returns `{ "bucket/key": body }`
 * or a sentence saying what is wrong.
 *
 * @example
 * await loadS3Objects(['orders/items.json=./items.json'], undefined); // { value: { 'orders/items.json': '[…]' } }
 */
export async function loadS3Objects(pairs: readonly string[], dir: string | undefined): Promise<{ value: Record<string, string> } | { problem: string }> {
  const objects: Record<string, string> = {};
  if (dir !== undefined) {
    const files = await listFiles(dir);
    if ('problem' in files) return files;
    for (const file of files.value) {
      const path = relative(dir, file).split(sep).join('/');
      if (!path.includes('/')) return { problem: `--s3-dir ${dir}: '${path}' is not inside a bucket folder; put objects in ${dir}/<bucket>/<key>.` };
      const body = await readTextFile(file, `the S3 object file ${file}`);
      if ('problem' in body) return body;
      objects[path] = body.value;
    }
  }
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const path = eq < 0 ? '' : pair.slice(0, eq);
    const file = eq < 0 ? '' : pair.slice(eq + 1);
    const slash = path.indexOf('/');
    if (slash <= 0 || slash === path.length - 1 || !file) {
      return { problem: `--s3 takes bucket/key=file (e.g. --s3 my-bucket/items.csv=./items.csv), got '${pair}'.` };
    }
    const body = await readTextFile(file, `the S3 object file ${file}`);
    if ('problem' in body) return body;
    objects[path] = body.value;
  }
  return { value: objects };
}

async function listFiles(dir: string): Promise<{ value: string[] } | { problem: string }> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return { value: entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort() };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? `--s3-dir ${dir} does not exist.` : code === 'ENOTDIR' ? `--s3-dir ${dir} is not a directory.` : `cannot read --s3-dir ${dir}: ${code ?? (error as Error).message}.` };
  }
}
