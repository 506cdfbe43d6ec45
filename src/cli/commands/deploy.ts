/**
 * `statecraft deploy`: creates or updates a state machine through `@aws-sdk/client-sfn` (AWS by
 * default, with the SDK's usual credentials chain; any endpoint, e.g. `statecraft serve`, with
 * `--endpoint`) and prints the IAM policy its role needs. The SDK loads only when it runs.
 */
import { type CommandIo, processIo } from '../command';

export const summary = 'Create or update a state machine on AWS (or any endpoint) and print the IAM policy its role needs';

const USAGE = `Usage: statecraft deploy <workflows/x.ts | file.asl.json> --role-arn <arn> [options]

Creates the state machine, or updates it when one of that name exists, through the AWS SDK
(credentials and region from the SDK's usual chain: environment, ~/.aws, instance role).
Prints its ARN, then the IAM policy the role needs.

Options:
  --role-arn <arn>           the execution role (required)
  --name <name>              state machine name (default: the workflow's name or file name)
  --type <STANDARD|EXPRESS>  type when creating (default: the workflow's, else STANDARD)
  --publish                  publish a version of what was deployed
  --endpoint <url>           another endpoint, e.g. http://127.0.0.1:8083 for statecraft serve
  --region <region>          region (default: the SDK's)
  --workflow <name>          which workflow of a module exporting several
  --json                     print {"stateMachineArn", "created", "stateMachineVersionArn", "iam"}
  -h, --help                 show this help

Exit codes: 0 deployed, 1 AWS refused it (its error is printed), 2 bad usage or invalid definition.
`;

export interface DeployArgs {
  file?: string;
  roleArn?: string;
  name?: string;
  type?: 'STANDARD' | 'EXPRESS';
  publish: boolean;
  endpoint?: string;
  region?: string;
  workflow?: string;
  json: boolean;
  help: boolean;
}

export function parseDeployArgs(args: string[]): DeployArgs | string {
  const parsed: DeployArgs = { publish: false, json: false, help: false };
  const valued = ['--role-arn', '--name', '--type', '--endpoint', '--region', '--workflow'];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === '-h' || flag === '--help') parsed.help = true;
    else if (flag === '--publish') parsed.publish = true;
    else if (flag === '--json') parsed.json = true;
    else if (valued.includes(flag)) {
      const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : args[++i];
      if (!value) return `${flag} needs a value.`;
      if (flag === '--role-arn') parsed.roleArn = value;
      else if (flag === '--name') parsed.name = value;
      else if (flag === '--endpoint') parsed.endpoint = value;
      else if (flag === '--region') parsed.region = value;
      else if (flag === '--workflow') parsed.workflow = value;
      else {
        const type = value.toUpperCase();
        if (type !== 'STANDARD' && type !== 'EXPRESS') return `--type must be STANDARD or EXPRESS, got '${value}'.`;
        parsed.type = type;
      }
    } else if (arg.startsWith('-')) return `unknown option '${arg}'.`;
    else if (parsed.file) return `only one file, got '${parsed.file}' and '${arg}'.`;
    else parsed.file = arg;
  }
  if (!parsed.help && !parsed.file) return 'which workflow or ASL file?';
  if (!parsed.help && !parsed.roleArn) return '--role-arn is required (the role the state machine runs as).';
  return parsed;
}

export async function run(args: string[], io: CommandIo = processIo): Promise<number> {
  const parsed = parseDeployArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`statecraft deploy: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(USAGE);
    return 0;
  }
  let deploy: typeof import('./deploy/deploy').deploy;
  try {
    ({ deploy } = await import('./deploy/deploy'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    io.stderr(`statecraft deploy: it talks to Step Functions through @aws-sdk/client-sfn; install it next to statecraft (npm install @aws-sdk/client-sfn).\n`);
    return 2;
  }
  return deploy(parsed as DeployArgs & { file: string; roleArn: string }, io);
}
