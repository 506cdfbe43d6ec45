import { readFile } from 'node:fs/promises';
import type { Json } from '../asl/types';

/**
 * Reads and parses a JSON file for a CLI command; a problem comes back as a sentence naming the
 * file (`label`, e.g. `the input file in.json`; default the path) instead of a thrown error.
 *
 * @example
 * const read = await readJsonFile('in.json', 'the input file in.json');
 * if ('problem' in read) console.error(read.problem); // "cannot read the input file in.json: ENOENT."
 */
export async function readJsonFile(file: string, label: string = file): Promise<{ value: Json } | { problem: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { problem: `cannot read ${label}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.` };
  }
  return parseJsonText(text, label);
}

/** Parses JSON text given on the command line or read from `label`. */
export function parseJsonText(text: string, label: string): { value: Json } | { problem: string } {
  try {
    return { value: JSON.parse(text) as Json };
  } catch (error) {
    return { problem: `${label} is not valid JSON: ${(error as Error).message}.` };
  }
}
