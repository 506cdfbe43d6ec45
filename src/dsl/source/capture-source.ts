import path from 'node:path';
import { UNKNOWN_SOURCE, type SourceLocation } from '../ast/source-location';

// Frames inside the DSL itself (builders, proxies) are skipped so the location names the user's call.
const DSL_DIRECTORY = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const FRAME_LOCATION = /\(?((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?\s*$/;

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
  const frame = stackFrames(stack).find((candidate) => isUserFrame(candidate.file));
  return frame ? `${path.relative(process.cwd(), frame.file) || frame.file}:${frame.line}` : UNKNOWN_SOURCE;
}

/** One `at …` line of a V8 stack trace: the file (a path, `file://` URLs decoded) and position. */
export interface StackFrame {
  file: string;
  line: number;
  column: number;
}

/**
 * The frames of a V8 stack trace (`error.stack`), innermost first; lines that name no file
 * (`at Array.map (<anonymous>)`) are left out. The build uses it to point at the user's line
 * that threw while a workflow module loaded.
 *
 * @example
 * stackFrames(new Error().stack ?? '')[0]; // { file: '/repo/workflows/order.ts', line: 12, column: 5 }
 */
export function stackFrames(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const line of stack.split('\n')) {
    if (!/^\s+at /.test(line)) continue;
    const match = FRAME_LOCATION.exec(line);
    if (!match) continue;
    const file = match[1].startsWith('file://') ? new URL(match[1]).pathname : match[1];
    frames.push({ file, line: Number(match[2]), column: Number(match[3]) });
  }
  return frames;
}

function isUserFrame(file: string): boolean {
  if (file.startsWith('node:') || file.includes('/node_modules/')) return false;
  if (!path.isAbsolute(file)) return false;
  return !file.startsWith(DSL_DIRECTORY + path.sep);
}
