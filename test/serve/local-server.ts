/**
 * `statecraft serve` started in the test's process (`startServer` on a free port), each with a real
 * `@aws-sdk/client-sfn` client, closed after every test of the file that calls {@link localServers}.
 */
import { GetExecutionHistoryCommand, SFNClient, type HistoryEvent } from '@aws-sdk/client-sfn';
import { afterEach } from 'vitest';
import { startServer, type ServeOptions, type StepFunctionsServer } from 'statecraft/serve';

export const ROLE = 'arn:aws:iam::123456789012:role/StepFunctionsRole';

/** A running server and an SDK client that talks to it. */
export interface Served {
  server: StepFunctionsServer;
  sfn: SFNClient;
}

/** The SDK client a user points at a local endpoint (no host prefix, one attempt: errors surface at once). */
export function sdkClient(url: string): SFNClient {
  return new SFNClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 't', secretAccessKey: 't' }, disableHostPrefix: true, maxAttempts: 1 });
}

/**
 * Registers an `afterEach` that closes what `serve` started. `defaults` apply to every server
 * (a test's options override them); `stop` closes one server before the test ends (a restart).
 */
export function localServers(defaults: ServeOptions = {}) {
  let servers: StepFunctionsServer[] = [];
  afterEach(async () => {
    for (const server of servers) await server.close();
    servers = [];
  });
  return {
    async serve(options: ServeOptions = {}): Promise<Served> {
      const server = await startServer({ port: 0, ...defaults, ...options });
      servers.push(server);
      return { server, sfn: sdkClient(server.url) };
    },
    async stop(served: Served): Promise<void> {
      await served.server.close();
      servers = servers.filter((server) => server !== served.server);
    },
  };
}

/** Polls `check` every 10 ms until it holds; throws `never: <what>` after `tries` polls. */
export async function until(what: string, check: () => Promise<boolean>, tries = 300): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never: ${what}`);
}

/** GetExecutionHistory's events (the first page: up to 1,000). */
export async function historyOf(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  return (await sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? [];
}

/** A Distributed Map (one child at a time, Standard children) whose children each run one Task on `resource`. */
export function distributedMapOver(resource: string, extra: object = {}): object {
  return {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        MaxConcurrency: 1,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Work',
          States: { Work: { Type: 'Task', Resource: resource, End: true } },
        },
        ...extra,
        End: true,
      },
    },
  };
}
