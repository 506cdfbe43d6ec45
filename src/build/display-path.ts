import path from 'node:path';

/** A path as messages show it: relative to `cwd` when inside it (`workflows/order.ts`), else absolute. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(cwd, file) : relative;
}
