import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Interpreter } from '../interpreter/execution/interpreter';
import type { MockConfigFile } from '../interpreter/tasks/mock-config-file';
import { actionHandler } from './actions/index';
import { consolePage } from './console/console-pages';
import { DiskStore, inMemory, type Persistence } from './durability/disk-store';
import { Catalog } from './model/catalog';
import { ExecutionIndex } from './model/execution-index';
import { MachineRuntime } from './model/machine-runtime';
import { ApiError } from './protocol/api-error';
import { actionOf, readJsonBody, sendError, sendResult } from './protocol/json-protocol';
import { RequestFields } from './protocol/request-fields';
import type { ServeContext } from './service/context';
import { ExecutionMocks } from './service/execution-mocks';
import { RealEndpoints, type EndpointMap } from './service/real-endpoints';
import { recoverExecutions } from './service/recover';
import { SkippingClock, type ServeClock } from './service/skipping-clock';
import { SteppedClock } from './service/stepped-clock';

/** Options of {@link startServer} (the `statecraft serve` flags). */
export interface ServeOptions {
  /** Default 8083 (Step Functions Local's port); 0 picks a free one. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Keep state machines, executions, task tokens and timers in this directory, surviving restarts and crashes. Default: memory only. */
  dataDir?: string;
  /** A Step Functions Local MockConfigFile: `StartExecution` on `<stateMachineArn>#<TestCase>` answers tasks from that test case. */
  mockConfig?: MockConfigFile;
  /** Services Task states call for real: `{ lambda: 'http://127.0.0.1:3001' }`. */
  endpoints?: EndpointMap;
  region?: string;
  accountId?: string;
  /**
   * `'real'` (default): Waits, retry backoffs and timeouts take their real time. `'virtual'`: time
   * skips ahead to the next timer whenever no execution waits on a party outside the process (a
   * client's SendTask*, an activity worker), and runs at real pace while one does (see
   * {@link SkippingClock}); every date the API reports follows it.
   */
  clock?: 'virtual' | 'real';
  /** Where to report what `--data` recovery found damaged (default: standard error). */
  onProblem?: (message: string) => void;
}

/** A running server. */
export interface StepFunctionsServer {
  /** `http://HOST:PORT`: give it to the SDK as `endpoint` or to the AWS CLI as `--endpoint-url`. */
  readonly url: string;
  readonly port: number;
  /** Damage found in the data directory at start (a torn journal tail, …); the rest was loaded. */
  readonly problems: readonly string[];
  /** Stops accepting requests and closes the journals. Running executions are not stopped: with `--data` they resume at the next start. */
  close(): Promise<void>;
}

/**
 * Serves the Step Functions API (AWS JSON 1.0, as `@aws-sdk/client-sfn` and the AWS CLI speak it)
 * on top of the interpreter. With `dataDir`, nothing acknowledged is lost when the process dies:
 * every answer an execution receives is journaled before the call is answered, and at the next
 * start every unfinished execution resumes where it was.
 *
 * @example
 * const server = await startServer({ port: 0 });
 * const sfn = new SFNClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
 * await sfn.send(new CreateStateMachineCommand({ name: 'Hello', definition, roleArn }));
 * await server.close();
 */
export async function startServer(options: ServeOptions = {}): Promise<StepFunctionsServer> {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const scope = { region, accountId };
  const store = options.dataDir === undefined ? undefined : new DiskStore(options.dataDir);
  const recovered = store?.recover();
  // A random seed keeps task tokens and names of executions started after a restart apart from
  // those before it.
  let interpreter!: Interpreter;
  const clock: ServeClock =
    options.clock === 'virtual'
      ? // Starts no earlier than the latest time the journals reached: virtual time may have run ahead of the wall clock.
        new SkippingClock(() => interpreter.callbacks.pending().length > 0, Math.max(Date.now(), ...(recovered?.executions ?? []).map((e) => Date.parse(e.snapshot.clockNow))))
      : new SteppedClock();
  interpreter = new Interpreter({ clock, region, accountId, seed: Math.floor(Math.random() * 2 ** 31) });
  const catalog = recovered?.catalog ? Catalog.from(scope, recovered.catalog) : new Catalog(scope);
  const persistence: Persistence = store ?? inMemory;
  const ctx: ServeContext = {
    interpreter,
    catalog,
    executions: new ExecutionIndex(),
    machines: new MachineRuntime(interpreter),
    persistence,
    mocks: new ExecutionMocks(options.mockConfig, options.endpoints && Object.keys(options.endpoints).length > 0 ? new RealEndpoints(options.endpoints, region) : undefined),
    now: () => interpreter.clock.now(),
    saveCatalog: () => persistence.saveCatalog(catalog.toData()),
  };
  const problems = [...(recovered?.problems ?? [])];
  if (store && recovered) problems.push(...(await recoverExecutions(ctx, store, recovered)));
  for (const problem of problems) (options.onProblem ?? ((m) => process.stderr.write(`statecraft serve: ${m}\n`)))(problem);

  const server = createServer((request, response) => {
    clock.tick();
    // Ticked again once the work the request set off has settled (a macrotask, after every promise
    // continuation): ticked in the answer's own microtask, the rest of that burst of work got a
    // later timestamp than its start, where a replay after a restart gives the burst one.
    void handle(ctx, request, response).finally(() => setImmediate(() => clock.tick()));
  });
  const port = await listen(server, options.port ?? 8083, options.host ?? '127.0.0.1');
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    problems,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store?.close();
      for (const record of ctx.executions.running()) record.execution.stop();
    },
  };
}

async function handle(ctx: ServeContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const abort = new AbortController();
  response.on('close', () => abort.abort());
  try {
    if (request.method === 'GET' && (await serveConsole(ctx, request, response))) return;
    if (request.method !== 'POST') throw new ApiError('UnknownOperationException', `Statecraft serves the Step Functions API (POST / with an X-Amz-Target header) and its console (GET /).`, 404);
    const action = actionOf(request);
    const handler = action === undefined ? undefined : actionHandler(action);
    if (!handler) throw new ApiError('UnknownOperationException', action === undefined ? 'Missing X-Amz-Target header (AWSStepFunctions.<Action>).' : `Unknown operation: ${action}`);
    const body = await readJsonBody(request);
    const result = await handler(ctx, new RequestFields(body, action!), abort.signal);
    if (!response.writableEnded) sendResult(response, result);
  } catch (error) {
    if (response.writableEnded) return;
    if (error instanceof ApiError) sendError(response, error);
    else {
      process.stderr.write(`statecraft serve: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
      sendError(response, new ApiError('InternalFailure', `Internal failure: ${(error as Error)?.message ?? String(error)}`));
    }
  }
}

/** `GET /` and `/execution?arn=`: the local console (see {@link consolePage}). True when it answered. */
async function serveConsole(ctx: ServeContext, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const html = await consolePage(ctx, new URL(request.url ?? '/', 'http://localhost'));
  if (html === undefined) return false;
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
  response.end(html);
  return true;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
