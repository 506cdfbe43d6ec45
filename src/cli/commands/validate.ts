/**
 * `statecraft validate <file.asl.json> [--type STANDARD|EXPRESS] [--json]`: checks an ASL file
 * with the same validator the compiler and interpreter use.
 * Exit codes: 0 valid, 1 invalid (every error listed), 2 bad usage or unreadable / non-JSON file.
 */
import { type AslDiagnostic, type ValidateOptions, validateDefinition } from '../../asl/validate';
import { loadAslFile } from '../load-asl-file';

export const summary = 'Check an ASL file against the Amazon States Language rules AWS enforces';

const USAGE = `Usage: statecraft validate <file.asl.json> [options]

Checks a state machine definition the way CreateStateMachine does: fields per state type,
query-language rules, paths, payload templates, intrinsics, JSONata syntax, Choice rules,
Retry/Catch, variables, Map configuration, transitions and reachability.
Prints "valid" (exit 0), or one line per problem (exit 1):
  error <pointer> [state '<name>', field '<field>'] <message> (<CODE>)

Options:
  --type <STANDARD|EXPRESS>  workflow type (default STANDARD); Express rejects .sync,
                             .waitForTaskToken, activities and Distributed Map
  --json                     print {"valid": boolean, "diagnostics": [...]} instead
  -h, --help                 show this help

Exit codes: 0 valid, 1 invalid, 2 bad usage or unreadable / non-JSON file.
`;

/** Where output goes; tests pass their own. */
export interface ValidateIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: ValidateIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

interface ParsedArgs {
  file?: string;
  json: boolean;
  help: boolean;
  type?: ValidateOptions['stateMachineType'];
}

function parseArgs(args: string[]): ParsedArgs | string {
  const parsed: ParsedArgs = { json: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') parsed.help = true;
    else if (arg === '--json') parsed.json = true;
    else if (arg === '--type' || arg.startsWith('--type=')) {
      const value = arg === '--type' ? args[++i] : arg.slice('--type='.length);
      if (value !== 'STANDARD' && value !== 'EXPRESS') return `--type must be STANDARD or EXPRESS, got '${value ?? ''}'.`;
      parsed.type = value;
    } else if (arg.startsWith('-')) return `unknown option '${arg}'.`;
    else if (parsed.file) return `only one file, got '${parsed.file}' and '${arg}'.`;
    else parsed.file = arg;
  }
  return parsed;
}

/** One line per diagnostic: severity, pointer, state, field, message, code. */
export function formatDiagnostic(d: AslDiagnostic): string {
  const where = [d.state !== undefined && `state '${d.state}'`, d.field !== undefined && `field '${d.field}'`].filter(Boolean).join(', ');
  return `${d.severity} ${d.pointer || '/'}${where ? ` [${where}]` : ''} ${d.message} (${d.code})`;
}

export async function run(args: string[], io: ValidateIo = processIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`statecraft validate: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (!parsed.file) {
    io.stderr(`statecraft validate: which ASL file?\n\n${USAGE}`);
    return 2;
  }
  const loaded = await loadAslFile(parsed.file);
  if ('problem' in loaded) {
    io.stderr(`statecraft validate: ${loaded.problem}\n`);
    return 2;
  }
  const diagnostics = validateDefinition(loaded.definition, { stateMachineType: parsed.type });
  const valid = !diagnostics.some((d) => d.severity === 'error');
  if (parsed.json) {
    io.stdout(`${JSON.stringify({ valid, diagnostics }, null, 2)}\n`);
  } else {
    const lines = diagnostics.map(formatDiagnostic);
    if (valid) lines.unshift('valid');
    else {
      const count = diagnostics.filter((d) => d.severity === 'error').length;
      lines.push(`${parsed.file}: invalid (${count} error${count === 1 ? '' : 's'})`);
    }
    io.stdout(`${lines.join('\n')}\n`);
  }
  return valid ? 0 : 1;
}
