/**
 * `statecraft validate <file.asl.json | workflows/x.ts> [--type STANDARD|EXPRESS] [--json]`: checks
 * an ASL file (or the workflow a TypeScript module exports, compiled as `run` does) with the same
 * validator the compiler and interpreter use.
 * Exit codes: 0 valid, 1 invalid (every error listed), 2 bad usage or unreadable / non-JSON file.
 */
import type { AslDiagnostic } from '../../asl/validate';
import { stateMachineTypeOption, startFileCommand } from '../args';
import { type CommandIo, processIo } from '../command';
import { loadDefinition } from './run/load-definition';

export const summary = 'Check an ASL file against the Amazon States Language rules AWS enforces';

const USAGE = `Usage: statecraft validate <file.asl.json | workflows/x.ts> [options]

Checks a state machine definition the way CreateStateMachine does: fields per state type,
query-language rules, paths, payload templates, intrinsics, JSONata syntax, Choice rules,
Retry/Catch, variables, Map configuration, transitions and reachability.
Prints "valid" (exit 0), or one line per problem (exit 1):
  error <pointer> [state '<name>', field '<field>'] <message> (<CODE>)

Options:
  --type <STANDARD|EXPRESS>  workflow type (default STANDARD, or the workflow's own); Express
                             rejects .sync, .waitForTaskToken, activities and Distributed Map
  --workflow <name>          which exported workflow of a .ts file to check
  --json                     print {"valid": boolean, "diagnostics": [...]} instead
  -h, --help                 show this help

Exit codes: 0 valid, 1 invalid, 2 bad usage or unreadable / non-JSON file.
`;

const OPTIONS = {
  type: stateMachineTypeOption,
  workflow: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** One line per diagnostic: severity, pointer, state, field, message, code. */
export function formatDiagnostic(d: AslDiagnostic): string {
  const where = [d.state !== undefined && `state '${d.state}'`, d.field !== undefined && `field '${d.field}'`].filter(Boolean).join(', ');
  return `${d.severity} ${d.pointer || '/'}${where ? ` [${where}]` : ''} ${d.message} (${d.code})`;
}

export async function run(args: string[], io: CommandIo = processIo): Promise<number> {
  const parsed = startFileCommand({ name: 'validate', usage: USAGE, missingFile: 'which ASL file (or workflow .ts file)?', options: OPTIONS }, args, io);
  if (typeof parsed === 'number') return parsed;
  const { file, values } = parsed;
  const loaded = await loadDefinition(file, values.workflow);
  if ('problem' in loaded) {
    io.stderr(`statecraft validate: ${loaded.problem}\n`);
    return 2;
  }
  const { validateDefinition } = await import('../../asl/validate');
  const diagnostics = validateDefinition(loaded.definition, { stateMachineType: values.type ?? loaded.type });
  const valid = !diagnostics.some((d) => d.severity === 'error');
  if (values.json) {
    io.stdout(`${JSON.stringify({ valid, diagnostics }, null, 2)}\n`);
  } else {
    const lines = diagnostics.map(formatDiagnostic);
    if (valid) lines.unshift('valid');
    else {
      const count = diagnostics.filter((d) => d.severity === 'error').length;
      lines.push(`${file}: invalid (${count} error${count === 1 ? '' : 's'})`);
    }
    io.stdout(`${lines.join('\n')}\n`);
  }
  return valid ? 0 : 1;
}
