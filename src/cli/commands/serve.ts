/**
 * `statecraft serve`: the Step Functions API on a local port for the AWS SDK and the AWS CLI.
 * The server itself loads only when the command runs (this module's top stays light for --help).
 */
import { type CommandIo, processIo } from '../command';

export const summary = 'Serve the Step Functions API locally for AWS SDK clients and the AWS CLI';

const USAGE = `Usage: statecraft serve [options]

Serves the AWS Step Functions API (AWS JSON 1.0) on top of the Statecraft interpreter: point an
AWS SDK client (endpoint) or the AWS CLI (--endpoint-url) at it.

Options:
  --port <n>                 port (default 8083; 0 picks a free one)
  --host <address>           address to listen on (default 127.0.0.1)
  --data <dir>               keep state machines, executions, task tokens and timers in <dir>:
                             nothing acknowledged is lost if the process dies, and unfinished
                             executions resume at the next start (default: memory only)
  --mock-config <file>       a Step Functions Local MockConfigFile; start an execution on
                             '<stateMachineArn>#<TestCase>' to answer its tasks from that test case
                             (SFN_MOCK_CONFIG works too)
  --endpoint <service=url>   call that service's Task states for real at a local URL, e.g.
                             --endpoint lambda=http://127.0.0.1:3001 (repeatable; LAMBDA_ENDPOINT,
                             SQS_ENDPOINT, ... work too, as in Step Functions Local)
  --region <region>          region in ARNs (default us-east-1)
  --account <id>             account id in ARNs (default 123456789012)
  -h, --help                 show this help

StartSyncExecution: AWS SDKs prefix its host with 'sync-'; create the client with
disableHostPrefix: true, as for Step Functions Local.
`;

/** Step Functions Local's environment variables for real service endpoints, by service. */
const ENDPOINT_VARIABLES: Record<string, string> = {
  LAMBDA_ENDPOINT: 'lambda',
  SQS_ENDPOINT: 'sqs',
  SNS_ENDPOINT: 'sns',
  DYNAMODB_ENDPOINT: 'dynamodb',
  BATCH_ENDPOINT: 'batch',
  ECS_ENDPOINT: 'ecs',
  GLUE_ENDPOINT: 'glue',
  SAGE_MAKER_ENDPOINT: 'sagemaker',
  EVENT_BRIDGE_ENDPOINT: 'eventbridge',
  STEP_FUNCTIONS_ENDPOINT: 'sfn',
};

export interface ServeArgs {
  port: number;
  host: string;
  data?: string;
  mockConfig?: string;
  endpoints: Record<string, string>;
  region?: string;
  account?: string;
  help: boolean;
}

export function parseServeArgs(args: string[], env: NodeJS.ProcessEnv = process.env): ServeArgs | string {
  const parsed: ServeArgs = { port: 8083, host: '127.0.0.1', endpoints: {}, help: false };
  for (const [variable, service] of Object.entries(ENDPOINT_VARIABLES)) if (env[variable]) parsed.endpoints[service] = env[variable]!;
  if (env.SFN_MOCK_CONFIG) parsed.mockConfig = env.SFN_MOCK_CONFIG;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].startsWith('--') && args[i].includes('=') ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)] : [args[i], undefined];
    const value = (): string | undefined => inline ?? args[++i];
    switch (flag) {
      case '-h':
      case '--help':
        parsed.help = true;
        break;
      case '--port': {
        const text = value();
        const port = Number(text);
        if (!Number.isInteger(port) || port < 0 || port > 65535) return `--port needs a port number from 0 to 65535, got '${text ?? ''}'.`;
        parsed.port = port;
        break;
      }
      case '--host':
      case '--data':
      case '--mock-config':
      case '--region':
      case '--account': {
        const text = value();
        if (!text) return `${flag} needs a value.`;
        if (flag === '--host') parsed.host = text;
        else if (flag === '--data') parsed.data = text;
        else if (flag === '--mock-config') parsed.mockConfig = text;
        else if (flag === '--region') parsed.region = text;
        else parsed.account = text;
        break;
      }
      case '--endpoint': {
        const text = value() ?? '';
        const match = /^([a-z0-9-]+)=(https?:\/\/.+)$/.exec(text);
        if (!match) return `--endpoint needs SERVICE=URL (e.g. lambda=http://127.0.0.1:3001), got '${text}'.`;
        parsed.endpoints[match[1]] = match[2];
        break;
      }
      default:
        return `unknown option '${args[i]}'.`;
    }
  }
  return parsed;
}

export async function run(args: string[], io: CommandIo = processIo): Promise<number> {
  const parsed = parseServeArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`statecraft serve: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(USAGE);
    return 0;
  }
  const { launchServe } = await import('./serve/launch');
  return launchServe(parsed, io);
}
