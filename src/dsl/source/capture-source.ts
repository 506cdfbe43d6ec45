import path from 'node:path';
import { UNKNOWN_SOURCE, type SourceLocation } from '../ast/source-location';

// Frames inside the DSL itself (builders, proxies) are skipped so the location names the user's call.
const DSL_DIRECTORY = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const FRAME_LOCATION = /\(?((?:file:\/\/)?[^\s()]+):(\d+):\d+\)?\s*$/;

/**
 * The `file:line` of the first stack frame outside `src/dsl` and outside Node/library code,
 * relative to the working directory.
 *
 * @example
 * // inside a builder method called from workflows/order.ts line 12:
 * captureSource(); // 'workflows/order.ts:12'
 */
export function captureSource(): SourceLocation {
  const previousLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = previousLimit;
  for (const line of stack.split('\n').slice(1)) {
    const match = FRAME_LOCATION.exec(line);
    if (!match) continue;
    const file = match[1].startsWith('file://') ? new URL(match[1]).pathname : match[1];
    if (!isUserFrame(file)) continue;
    return `${path.relative(process.cwd(), file) || file}:${match[2]}`;
  }
  return UNKNOWN_SOURCE;
}

function isUserFrame(file: string): boolean {
  if (file.startsWith('node:') || file.includes('/node_modules/')) return false;
  if (!path.isAbsolute(file)) return false;
  return !file.startsWith(DSL_DIRECTORY + path.sep);
}
