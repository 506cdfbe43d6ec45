/**
 * `statecraft import <file.asl.json> [--name Name] [--out workflows/name.ts] [--input-sample input.json]… [--force]`:
 * writes a typed DSL module equivalent to an ASL definition (see src/import). Invalid ASL is refused
 * with the validator's diagnostics before anything is written; an existing `--out` file is kept
 * unless `--force`. Exit codes: 0 written, 1 invalid ASL or existing output, 2 bad usage or unreadable file.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stateMachineTypeOption, startFileCommand } from '../args';
import { type CommandIo, processIo } from '../command';
import { loadAslFile } from '../load-asl-file';
import { readJsonFile } from '../read-json-file';
import { formatDiagnostic } from './validate';
import { LIMITS } from '../../asl/limits';

export const summary = 'Turn an ASL file into a typed workflow module that compiles back to it';

const USAGE = `Usage: statecraft import <file.asl.json> [options]

Writes a TypeScript module exporting one workflow built with the DSL; compiling it gives back the
same definition. Prints where it wrote and every part it could not type (escape hatches).

Options:
  --name <Name>              the workflow's name (default: the file name without .asl.json)
  --out <file.ts>            where to write (default: workflows/<name>.ts)
  --input-sample <file.json> an example execution input, to type the input schema (repeatable)
  --type <STANDARD|EXPRESS>  workflow type (default STANDARD)
  --force                    overwrite an existing --out file
  -h, --help                 show this help

Exit codes: 0 written, 1 invalid ASL or --out exists, 2 bad usage or unreadable file.
`;

const OPTIONS = {
  name: { type: 'string' },
  out: { type: 'string' },
  'input-sample': { type: 'string', multiple: true },
  type: stateMachineTypeOption,
  force: { type: 'boolean' },
} as const;

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

export async function run(args: string[], io: CommandIo = processIo): Promise<number> {
  const started = startFileCommand({ name: 'import', usage: USAGE, missingFile: 'which ASL file?', options: OPTIONS }, args, io);
  if (typeof started === 'number') return started;
  const parsed = { file: started.file, ...started.values, samples: started.values.inputSample };
  const loaded = await loadAslFile(parsed.file);
  if ('problem' in loaded) {
    io.stderr(`statecraft import: ${loaded.problem}\n`);
    return 2;
  }
  const name = parsed.name ?? loaded.name;
  if (name.length === 0 || name.length > LIMITS.nameLength) {
    io.stderr(`statecraft import: the workflow name '${name}' must be 1 to ${LIMITS.nameLength} characters; pass --name.\n`);
    return 2;
  }
  const { validateDefinition } = await import('../../asl/validate');
  const errors = validateDefinition(loaded.definition, { stateMachineType: parsed.type }).filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    io.stderr(`${errors.map(formatDiagnostic).join('\n')}\nstatecraft import: ${parsed.file} is not valid ASL (${errors.length} error${errors.length === 1 ? '' : 's'}); nothing written.\n`);
    return 1;
  }
  const out = parsed.out ?? `workflows/${kebab(name) || 'imported'}.ts`;
  if (existsSync(out) && !parsed.force) {
    io.stderr(`statecraft import: ${out} exists; pass --force to overwrite it, or choose another --out.\n`);
    return 1;
  }
  const inputSamples: unknown[] = [];
  for (const sample of parsed.samples) {
    const read = await readJsonFile(sample);
    if ('problem' in read) {
      io.stderr(`statecraft import: ${read.problem}\n`);
      return 2;
    }
    inputSamples.push(read.value);
  }
  const { importWorkflow } = await import('../../import/index');
  const result = await importWorkflow(loaded.definition, { name, inputSamples, stateMachineType: parsed.type });
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, result.source);
  const lines = [`Imported ${parsed.file} → ${out}: workflow '${name}' exported as ${result.exportName}.`];
  if (result.notes.length === 0) lines.push('Everything is typed: no escape hatches.');
  else lines.push(`Could not type (${result.notes.length}):`, ...result.notes.map((note) => `  - ${note}`));
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
