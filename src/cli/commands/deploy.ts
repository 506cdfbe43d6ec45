/**
 * `statecraft deploy`: creates or updates a state machine through `@aws-sdk/client-sfn` (AWS by
 * default, with the SDK's usual credentials chain; any endpoint, e.g. `statecraft serve`, with
 * `--endpoint`) and prints the IAM policy its role needs. The SDK loads only when it runs.
 */
import { stateMachineTypeOption, startFileCommand, UsageError } from '../args';
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

const OPTIONS = {
  'role-arn': { type: 'string' },
  name: { type: 'string' },
  type: stateMachineTypeOption,
  publish: { type: 'boolean' },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  workflow: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** What `deploy` needs from its arguments. */
export interface DeployArgs {
  file: string;
  roleArn: string;
  name?: string;
  type?: 'STANDARD' | 'EXPRESS';
  publish: boolean;
  endpoint?: string;
  region?: string;
  workflow?: string;
  json: boolean;
}

export async function run(args: string[], io: CommandIo = processIo): Promise<number> {
  const started = startFileCommand(
    {
      name: 'deploy',
      usage: USAGE,
      missingFile: 'which workflow or ASL file?',
      options: OPTIONS,
      check: ({ values }) => {
        if (!values.roleArn) throw new UsageError('--role-arn is required (the role the state machine runs as).');
      },
    },
    args,
    io,
  );
  if (typeof started === 'number') return started;
  const parsed: DeployArgs = { ...started.values, file: started.file, roleArn: started.values.roleArn! };
  let deploy: typeof import('./deploy/deploy').deploy;
  try {
    ({ deploy } = await import('./deploy/deploy'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    io.stderr(`statecraft deploy: it talks to Step Functions through @aws-sdk/client-sfn; install it next to statecraft (npm install @aws-sdk/client-sfn).\n`);
    return 2;
  }
  return deploy(parsed, io);
}
