/**
 * `statecraft iam <file.asl.json>`: prints the IAM policy the state machine's execution role
 * needs, derived from the ASL alone (`--json`: the policy document only).
 */
import type { DeriveIamOptions } from '../../iam';
import { type OptionValues, startFileCommand } from '../args';
import { type CommandIo, processIo } from '../command';
import type { StateMachineDefinition } from '../../asl/types';
import { aslDocumentProblem } from '../load-asl-file';
import { loadDefinition } from './run/load-definition';
import { formatDiagnostic } from './validate';
import { LIMITS } from '../../asl/limits';

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

const OPTIONS = {
  json: { type: 'boolean' },
  region: { type: 'string' },
  account: { type: 'string' },
  partition: { type: 'string' },
  'state-machine-arn': { type: 'string' },
  name: { type: 'string' },
  template: { type: 'boolean' },
  logging: { type: 'boolean' },
  tracing: { type: 'boolean' },
  workflow: { type: 'string' },
} as const;

/** The derivation options the arguments give (only those given, so defaults stay the deriver's). */
function deriveOptions(values: OptionValues<typeof OPTIONS>): DeriveIamOptions {
  const options: DeriveIamOptions = {};
  if (values.region !== undefined) options.region = values.region;
  if (values.account !== undefined) options.account = values.account;
  if (values.partition !== undefined) options.partition = values.partition;
  if (values.stateMachineArn !== undefined) options.stateMachineArn = values.stateMachineArn;
  if (values.name !== undefined) options.stateMachineName = values.name;
  if (values.template) options.template = true;
  if (values.logging) options.logging = true;
  if (values.tracing) options.tracing = true;
  return options;
}

export async function run(args: string[], io: CommandIo = processIo): Promise<number> {
  const started = startFileCommand({ name: 'iam', usage: USAGE, missingFile: 'which ASL file?', options: OPTIONS }, args, io);
  if (typeof started === 'number') return started;
  const parsed = { file: started.file, workflow: started.values.workflow, json: started.values.json, options: deriveOptions(started.values) };
  // Loaded as `run` loads it (an ASL file, or the workflow a .ts module exports), then validated:
  // a policy derived from an invalid definition would describe a machine AWS refuses to create.
  const loaded = await loadDefinition(parsed.file, parsed.workflow);
  if ('problem' in loaded) {
    io.stderr(`statecraft iam: ${loaded.problem}\n`);
    return 1;
  }
  const notAsl = aslDocumentProblem(parsed.file, loaded.definition);
  if (notAsl) {
    io.stderr(`statecraft iam: ${notAsl}\n`);
    return 1;
  }
  const { validateDefinition } = await import('../../asl/validate');
  const diagnostics = validateDefinition(loaded.definition, { stateMachineType: loaded.type }).filter((d) => d.severity === 'error');
  if (diagnostics.length > 0) {
    const lines = [...diagnostics.map(formatDiagnostic), `${parsed.file}: invalid (${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'}); fix it before deriving its policy (statecraft validate ${parsed.file}).`];
    io.stderr(`statecraft iam: ${lines.join('\n')}\n`);
    return 1;
  }
  const options: DeriveIamOptions = { stateMachineName: stateMachineName(loaded.name), ...parsed.options };
  try {
    const { deriveIamPolicy, formatIamReport } = await import('../../iam');
    const report = deriveIamPolicy(loaded.definition as StateMachineDefinition, options);
    io.stdout(parsed.json ? `${JSON.stringify(report.policy, null, 2)}\n` : formatIamReport(report));
    // --json keeps stdout the policy document alone; an incomplete policy still says so (on stderr).
    if (parsed.json) for (const w of report.warnings.filter((w) => w.kind === 'incomplete-policy')) io.stderr(`statecraft iam: warning: ${w.message}\n`);
    return 0;
  } catch (error) {
    io.stderr(`statecraft iam: ${parsed.file}: ${(error as Error).message}\n`);
    return 1;
  }
}

// The file's name is the state machine's only when it is a valid state machine name.
function stateMachineName(fileName: string): string | undefined {
  return /^[A-Za-z0-9_-]+$/.test(fileName) && fileName.length <= LIMITS.nameLength ? fileName : undefined;
}
