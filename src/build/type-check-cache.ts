import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Remembers clean type-checks: for each set of checked roots (the key), a fingerprint of every file
 * the TypeScript program read. A check is skipped only when each of those files still has the same
 * fingerprint, so any edit to a workflow, a module it imports, the DSL's types or the tsconfig
 * re-runs it. A new file can only matter if some checked file imports it, and that import is an
 * edit to a fingerprinted file; a new workflow module changes the key.
 *
 * Fingerprints: files under node_modules (libraries, thousands of lines, installed not edited) by
 * size and mtime, the project's own files by a SHA-1 of their content (robust to `git checkout`
 * resetting mtimes).
 */
export interface TypeCheckCache {
  isClean(key: string): Promise<boolean>;
  remember(key: string, files: readonly string[]): Promise<void>;
  forget(key: string): Promise<void>;
}

interface CacheFile {
  version: 1;
  checks: Record<string, Record<string, string>>;
}

const VERSION = 1;

/** The cache key for one check: which roots, which tsconfig. */
export function typeCheckKey(roots: readonly string[], tsConfig: string | undefined): string {
  return createHash('sha1').update(JSON.stringify({ roots, tsConfig: tsConfig ?? null })).digest('hex');
}

/** The cache of the project at `cwd`, in `<cwd>/node_modules/.cache/statecraft/type-check.json`. */
export async function loadTypeCheckCache(cwd: string): Promise<TypeCheckCache> {
  const file = path.join(cwd, 'node_modules', '.cache', 'statecraft', 'type-check.json');
  let data: CacheFile = { version: VERSION, checks: {} };
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
    if (parsed.version === VERSION && typeof parsed.checks === 'object') data = parsed;
  } catch {
    // No cache yet, or an unreadable one: the check runs and writes a fresh one.
  }
  const save = async () => {
    try {
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(data));
      await rename(temporary, file);
    } catch {
      // A read-only project still builds; it only re-checks every time.
    }
  };
  return {
    // All fingerprints at once: a warm build compares about 400 files, one at a time took ~4x longer.
    async isClean(key) {
      const files = data.checks[key];
      if (!files) return false;
      const entries = Object.entries(files);
      const prints = await Promise.all(entries.map(([name]) => fingerprint(name)));
      return entries.every(([, expected], i) => prints[i] === expected);
    },
    async remember(key, names) {
      const prints = await Promise.all(names.map((name) => fingerprint(name)));
      const files: Record<string, string> = {};
      names.forEach((name, i) => {
        if (prints[i] !== undefined) files[name] = prints[i];
      });
      data.checks[key] = files;
      await save();
    },
    async forget(key) {
      if (!(key in data.checks)) return;
      delete data.checks[key];
      await save();
    },
  };
}

async function fingerprint(file: string): Promise<string | undefined> {
  try {
    if (file.split(path.sep).includes('node_modules')) {
      const info = await stat(file);
      return `${info.size}:${info.mtimeMs}`;
    }
    return createHash('sha1').update(await readFile(file)).digest('hex');
  } catch {
    // Lib files that live inside TypeScript's own bundle, or a file that is gone: gone counts as changed.
    return undefined;
  }
}
