import { open } from 'node:fs/promises';
import { constants } from 'node:fs';
import { nestingProblem } from '../asl/json-nesting';
import type { Json } from '../asl/types';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads and parses a JSON file for a CLI command; a problem comes back as a sentence naming the
 * file (`label`, e.g. `the input file in.json`; default the path) instead of a thrown error:
 * a missing or unreadable file, something that is not a regular file (a FIFO with no writer would
 * block the command forever), text that is not UTF-8 (never silently replaced), JSON that does
 * not parse or nests deeper than AWS accepts.
 *
 * @example
 * const read = await readJsonFile('in.json', 'the input file in.json');
 * if ('problem' in read) console.error(read.problem); // "the input file in.json does not exist."
 */
export async function readJsonFile(file: string, label: string = file): Promise<{ value: Json } | { problem: string }> {
  const text = await readTextFile(file, label);
  return 'problem' in text ? text : parseJsonText(text.value, label);
}

/** Reads a regular file as UTF-8 text (the checks of {@link readJsonFile}, without parsing). */
export async function readTextFile(file: string, label: string = file): Promise<{ value: string } | { problem: string }> {
  const bytes = await readRegularFile(file, label);
  if ('problem' in bytes) return bytes;
  try {
    return { value: UTF8.decode(bytes.value) };
  } catch {
    return { problem: `${label} is not UTF-8 text (${firstInvalidUtf8(bytes.value)}); save it as UTF-8.` };
  }
}

/** Parses JSON text given on the command line or read from `label`. */
export function parseJsonText(text: string, label: string): { value: Json } | { problem: string } {
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch (error) {
    return { problem: `${label} is not valid JSON: ${(error as Error).message}.` };
  }
  const nesting = nestingProblem(value);
  return nesting ? { problem: `${label} cannot be used: ${nesting} (Step Functions refuses JSON nested that deep); flatten it.` } : { value };
}

/**
 * The file's bytes, opened without blocking (`O_NONBLOCK`: opening a FIFO with no writer would
 * otherwise wait forever) and refused unless it is a regular file.
 */
async function readRegularFile(file: string, label: string): Promise<{ value: Uint8Array } | { problem: string }> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { problem: openProblem(error as NodeJS.ErrnoException, label) };
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) return { problem: `${label} is a directory; give a JSON file.` };
    if (!stats.isFile()) return { problem: `${label} is not a regular file (a pipe, socket or device); give a JSON file.` };
    return { value: await handle.readFile() };
  } catch (error) {
    return { problem: openProblem(error as NodeJS.ErrnoException, label) };
  } finally {
    await handle.close();
  }
}

function openProblem(error: NodeJS.ErrnoException, label: string): string {
  switch (error.code) {
    case 'ENOENT':
      return `${label} does not exist.`;
    case 'EACCES':
    case 'EPERM':
      return `${label} cannot be read: permission denied.`;
    case 'EISDIR':
      return `${label} is a directory; give a JSON file.`;
    case 'ENOTDIR':
      return `${label} does not exist (a part of its path is not a directory).`;
    default:
      return `cannot read ${label}: ${error.code ?? error.message}.`;
  }
}

/** Where the first byte sequence that is not UTF-8 starts, in words. */
function firstInvalidUtf8(bytes: Uint8Array): string {
  // The longest prefix with no invalid sequence (streaming: a prefix may end mid-character), by bisection.
  const valid = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (valid(mid)) lo = mid;
    else hi = mid - 1;
  }
  return `an invalid byte sequence near byte ${lo}`;
}
