/**
 * Reading an ASL JSON file for the CLI commands (`run`, `validate`, `iam`): one place, one set of
 * messages. Problems come back as a sentence naming the file (the command decides its exit code).
 */
import { basename } from 'node:path';
import type { StateMachineDefinition } from '../asl/types';
import { readJsonFile } from './read-json-file';

export interface AslFile {
  /** The file name without `.asl.json` / `.json` (`generated/Order.asl.json` → `Order`): the default state machine name. */
  name: string;
  /** The parsed JSON, not validated: the validator (or `aslDocumentProblem`) says what is wrong with it. */
  definition: unknown;
}

/**
 * Reads and parses an ASL JSON file.
 *
 * @example
 * const loaded = await loadAslFile('generated/Order.asl.json');
 * if ('problem' in loaded) console.error(loaded.problem); // "cannot read …: ENOENT." / "… is not valid JSON: …"
 */
export async function loadAslFile(file: string): Promise<AslFile | { problem: string }> {
  const read = await readJsonFile(file);
  return 'problem' in read ? read : { name: basename(file).replace(/\.asl\.json$|\.json$/, ''), definition: read.value };
}

/**
 * As `loadAslFile`, and also rejects JSON that is not even shaped like an ASL document (for commands
 * that do not run the validator, which would say what is wrong field by field).
 */
export async function loadAslDocument(file: string): Promise<{ name: string; definition: StateMachineDefinition } | { problem: string }> {
  const loaded = await loadAslFile(file);
  if ('problem' in loaded) return loaded;
  const { name, definition } = loaded;
  const problem = aslDocumentProblem(file, definition);
  return problem ? { problem } : { name, definition: definition as StateMachineDefinition };
}

/** Why `definition` (read from `file`) is not even shaped like an ASL document; `undefined` when it is. */
export function aslDocumentProblem(file: string, definition: unknown): string | undefined {
  if (!definition || typeof definition !== 'object' || Array.isArray(definition) || !('States' in definition)) {
    return `${file} is not an ASL document (expected a JSON object with "StartAt" and "States").`;
  }
  return undefined;
}
