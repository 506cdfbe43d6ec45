/**
 * `statecraft serve`: the Step Functions API on a local port for the AWS SDK and the AWS CLI.
 * The server itself loads only when the command runs (this module's top stays light for --help).
 */
import { type OptionValues, parseCommandArgs, UsageError, wholeNumber } from '../args';
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
  --clock <virtual|real>     real (default): Waits and timeouts take their real time; virtual:
                             time skips to the next timer whenever no execution waits on a
                             client (SendTask*, an activity worker), so a one-hour Wait ends at
                             once; while one does, time runs at real pace
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
  clock?: 'virtual' | 'real';
  help: boolean;
}

const OPTIONS = {
  port: { type: 'string', parse: wholeNumber(0, 65535) },
  host: { type: 'string' },
  data: { type: 'string' },
  'mock-config': { type: 'string' },
  endpoint: { type: 'string', multiple: true, parse: parseEndpoint },
  clock: {
    type: 'string',
    parse: (text: string): 'virtual' | 'real' => {
      if (text !== 'virtual' && text !== 'real') throw new UsageError(`--clock needs 'virtual' or 'real', got '${text}'.`);
      return text;
    },
  },
  region: { type: 'string' },
  account: { type: 'string' },
} as const;

/** `--endpoint SERVICE=URL`. */
function parseEndpoint(text: string): [service: string, url: string] {
  const match = /^([a-z0-9-]+)=(https?:\/\/.+)$/.exec(text);
  if (!match) throw new UsageError(`--endpoint needs SERVICE=URL (e.g. lambda=http://127.0.0.1:3001), got '${text}'.`);
  return [match[1], match[2]];
}

/** The options, over Step Functions Local's environment variables; a sentence for a usage error. */
export function parseServeArgs(args: string[], env: NodeJS.ProcessEnv = process.env): ServeArgs | string {
  let values: OptionValues<typeof OPTIONS>;
  let help: boolean;
  try {
    ({ values, help } = parseCommandArgs({ name: 'serve', options: OPTIONS }, args));
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  const parsed: ServeArgs = { port: values.port ?? 8083, host: values.host ?? '127.0.0.1', endpoints: {}, help };
  for (const [variable, service] of Object.entries(ENDPOINT_VARIABLES)) if (env[variable]) parsed.endpoints[service] = env[variable]!;
  for (const [service, url] of values.endpoint) parsed.endpoints[service] = url;
  const mockConfig = values.mockConfig ?? env.SFN_MOCK_CONFIG;
  if (mockConfig) parsed.mockConfig = mockConfig;
  if (values.data !== undefined) parsed.data = values.data;
  if (values.region !== undefined) parsed.region = values.region;
  if (values.account !== undefined) parsed.account = values.account;
  if (values.clock !== undefined) parsed.clock = values.clock;
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
