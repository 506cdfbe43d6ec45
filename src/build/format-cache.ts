import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Remembers formatted files by what they were formatted from, so a build whose definitions did not
 * change does not load prettier at all (importing it is most of a warm build's time). Kept in
 * `<cwd>/node_modules/.cache/statecraft/format.json`; each build keeps only the entries it used.
 * The key includes the installed prettier's size and mtime: another prettier version re-formats.
 */
export interface FormatCache {
  /** `format()`'s result for `input`, from the cache or by calling it. */
  formatted(kind: string, input: unknown, format: () => Promise<string>): Promise<string>;
  /** Writes the entries this build used (when anything changed). */
  save(): Promise<void>;
}

/** A cache that remembers nothing (tests that pass their own toolchain). */
export const NO_FORMAT_CACHE: FormatCache = { formatted: (_kind, _input, format) => format(), save: async () => {} };

export async function loadFormatCache(cwd: string): Promise<FormatCache> {
  const file = path.join(cwd, 'node_modules', '.cache', 'statecraft', 'format.json');
  const formatter = await formatterVersion();
  let stored: Record<string, string> = {};
  try {
    stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
  } catch {
    // No cache yet: every file is formatted and remembered.
  }
  const used: Record<string, string> = {};
  let changed = false;
  return {
    async formatted(kind, input, format) {
      const key = createHash('sha1').update(`${formatter}\0${kind}\0${JSON.stringify(input)}`).digest('hex');
      const cached = stored[key];
      if (typeof cached === 'string') {
        used[key] = cached;
        return cached;
      }
      const text = await format();
      used[key] = text;
      changed = true;
      return text;
    },
    async save() {
      if (!changed && Object.keys(used).length === Object.keys(stored).length) return;
      try {
        await mkdir(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, JSON.stringify(used));
        await rename(temporary, file);
      } catch {
        // A read-only project still builds; it only formats every time.
      }
    },
  };
}

async function formatterVersion(): Promise<string> {
  try {
    const entry = createRequire(import.meta.url).resolve('prettier');
    const info = await stat(entry);
    return `${entry}:${info.size}:${info.mtimeMs}`;
  } catch {
    return 'unknown';
  }
}
