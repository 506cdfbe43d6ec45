/**
 * `statecraft iam <file.asl.json>`: prints the IAM policy the state machine's execution role
 * needs, derived from the ASL alone (`--json`: the policy document only).
 */
import { deriveIamPolicy, formatIamReport, type DeriveIamOptions } from '../../iam';
import { processIo, startFileCommand } from '../command';
import type { StateMachineDefinition } from '../../asl/types';
import { validateDefinition } from '../../asl/validate';
import { aslDocumentProblem } from '../load-asl-file';
import { loadDefinition } from './run/load-definition';
import { formatDiagnostic } from './validate';

export const summary = 'Print the IAM policy an ASL file\'s execution role needs (and its workers\')';

const USAGE = `Usage: statecraft iam <file.asl.json | workflows/x.ts> [options]

Prints the IAM policy the state machine's execution role needs, derived from the ASL:
the policy, which states need each statement, warnings (resources that had to be "*",
integrations without a rule), and what activity workers and callback senders need.

Options:
  --json                    print only the execution role's policy document (JSON)
  --region <region>         region for ARNs built from names (default: from the ARNs in the file)
  --account <id>            account for ARNs built from names (default: from the ARNs in the file)
  --partition <partition>   default: from the ARNs in the file, else aws
  --state-machine-arn <arn> the state machine's own ARN (distributed Map, callback senders)
  --name <name>             the state machine's name (default: the file name without .asl.json)
  --template                use \${AWS::Partition}, \${AWS::Region}, \${AWS::AccountId} (for Fn::Sub)
                            instead of "*" where the file does not say
  --logging                 the state machine logs to CloudWatch Logs
  --tracing                 the state machine has X-Ray tracing enabled
  --workflow <name>         which exported workflow of a .ts file to use
  -h, --help                show this help
`;

const VALUE_OPTIONS: Record<string, keyof DeriveIamOptions> = {
  '--region': 'region',
  '--account': 'account',
  '--partition': 'partition',
  '--state-machine-arn': 'stateMachineArn',
  '--name': 'stateMachineName',
};

interface ParsedArgs {
  file?: string;
  workflow?: string;
  json: boolean;
  options: DeriveIamOptions;
  help: boolean;
}

function parseArgs(args: string[]): ParsedArgs | string {
  const parsed: ParsedArgs = { json: false, options: {}, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') parsed.help = true;
    else if (arg === '--json') parsed.json = true;
    else if (arg === '--logging') parsed.options.logging = true;
    else if (arg === '--tracing') parsed.options.tracing = true;
    else if (arg === '--template') parsed.options.template = true;
    else if (arg === '--workflow') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return `option ${arg} needs a value.`;
      parsed.workflow = value;
    }
    else if (Object.hasOwn(VALUE_OPTIONS, arg)) {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return `option ${arg} needs a value.`;
      (parsed.options as Record<string, string>)[VALUE_OPTIONS[arg]] = value;
    } else if (arg.startsWith('-')) return `unknown option '${arg}'.`;
    else if (parsed.file) return `only one file, got '${parsed.file}' and '${arg}'.`;
    else parsed.file = arg;
  }
  return parsed;
}

export async function run(args: string[]): Promise<number> {
  const parsed = startFileCommand({ name: 'iam', usage: USAGE, missingFile: 'which ASL file?' }, parseArgs(args), processIo);
  if (typeof parsed === 'number') return parsed;
  // Loaded as `run` loads it (an ASL file, or the workflow a .ts module exports), then validated:
  // a policy derived from an invalid definition would describe a machine AWS refuses to create.
  const loaded = await loadDefinition(parsed.file, parsed.workflow);
  if ('problem' in loaded) {
    process.stderr.write(`statecraft iam: ${loaded.problem}\n`);
    return 1;
  }
  const notAsl = aslDocumentProblem(parsed.file, loaded.definition);
  if (notAsl) {
    process.stderr.write(`statecraft iam: ${notAsl}\n`);
    return 1;
  }
  const diagnostics = validateDefinition(loaded.definition, { stateMachineType: loaded.type }).filter((d) => d.severity === 'error');
  if (diagnostics.length > 0) {
    const lines = [...diagnostics.map(formatDiagnostic), `${parsed.file}: invalid (${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'}); fix it before deriving its policy (statecraft validate ${parsed.file}).`];
    process.stderr.write(`statecraft iam: ${lines.join('\n')}\n`);
    return 1;
  }
  const options: DeriveIamOptions = { stateMachineName: stateMachineName(loaded.name), ...parsed.options };
  try {
    const report = deriveIamPolicy(loaded.definition as StateMachineDefinition, options);
    process.stdout.write(parsed.json ? `${JSON.stringify(report.policy, null, 2)}\n` : formatIamReport(report));
    // --json keeps stdout the policy document alone; an incomplete policy still says so (on stderr).
    if (parsed.json) for (const w of report.warnings.filter((w) => w.kind === 'incomplete-policy')) process.stderr.write(`statecraft iam: warning: ${w.message}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`statecraft iam: ${parsed.file}: ${(error as Error).message}\n`);
    return 1;
  }
}

// The file's name is the state machine's only when it is a valid state machine name.
function stateMachineName(fileName: string): string | undefined {
  return /^[A-Za-z0-9_-]{1,80}$/.test(fileName) ? fileName : undefined;
}
