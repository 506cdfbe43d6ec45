import type { Json, JsonObject } from '../../asl/types';
import { walkStates } from '../../asl/walk';
import { StatesError } from '../../interpreter/errors';
import { taskTarget, type TaskTarget } from '../../interpreter/tasks/task-target';
import type { TaskMock, TaskMocks } from '../../interpreter/tasks/task-mocks';

/** `--endpoint SERVICE=URL`: the services Task states call for real, at a local URL. */
export type EndpointMap = Record<string, string>;

/** The subset of an AWS SDK v3 client the server uses. */
interface SdkClient {
  send(command: unknown): Promise<Record<string, unknown>>;
}
type SdkModule = Record<string, unknown>;

/**
 * Calls Task resources of the configured services through that service's AWS SDK v3 client
 * (`@aws-sdk/client-<service>`, loaded when first needed) pointed at the local endpoint, as
 * Step Functions Local's `LAMBDA_ENDPOINT`, `SQS_ENDPOINT`, … do: `sam local start-lambda` or any
 * local service works unchanged. Request-response calls only; callbacks and `.sync` jobs keep
 * waiting for the API.
 */
export class RealEndpoints {
  private readonly clients = new Map<string, Promise<{ module: SdkModule; client: SdkClient }>>();

  constructor(
    private readonly endpoints: EndpointMap,
    private readonly region: string,
  ) {}

  /** Mocks, keyed by resource ARN, for every Task resource of `definition` that a configured service serves. */
  mocksFor(definition: Json): TaskMocks {
    const mocks: TaskMocks = {};
    for (const resource of taskResources(definition)) {
      let target: TaskTarget;
      try {
        target = taskTarget(resource);
      } catch {
        continue;
      }
      if (target.service === undefined || target.pattern !== 'request-response' || !(target.service in this.endpoints)) continue;
      mocks[resource] = this.caller(target);
    }
    return mocks;
  }

  private caller(target: TaskTarget): TaskMock {
    return async (input) => {
      const service = target.service!;
      const { module, client } = await this.client(service);
      const lambdaFunction = target.kind === 'lambda-function';
      const action = lambdaFunction ? 'invoke' : target.api!;
      const Command = module[`${action[0].toUpperCase()}${action.slice(1)}Command`] as (new (input: unknown) => unknown) | undefined;
      if (!Command) throw new StatesError('States.Runtime', `@aws-sdk/client-${service} has no ${action} command for Task resource ${target.arn}.`);
      const request = service === 'lambda' ? lambdaRequest(target, input) : input;
      let response: Record<string, unknown>;
      try {
        response = await client.send(new Command(request));
      } catch (error) {
        const name = (error as Error).name ?? 'Error';
        throw new StatesError(`${pascal(service)}.${name}`, (error as Error).message);
      }
      return service === 'lambda' ? lambdaResult(target, response) : plainResult(response);
    };
  }

  private client(service: string): Promise<{ module: SdkModule; client: SdkClient }> {
    let client = this.clients.get(service);
    if (!client) {
      client = loadClient(service, this.endpoints[service], this.region);
      this.clients.set(service, client);
    }
    return client;
  }
}

async function loadClient(service: string, endpoint: string, region: string): Promise<{ module: SdkModule; client: SdkClient }> {
  const packageName = `@aws-sdk/client-${service}`;
  let module: SdkModule;
  try {
    module = (await import(packageName)) as SdkModule;
  } catch {
    throw new StatesError('States.Runtime', `--endpoint ${service}=${endpoint} needs the package ${packageName}; install it next to statecraft (npm install ${packageName}).`);
  }
  const Client = Object.entries(module).find(([name]) => name.endsWith('Client') && !name.includes('Service'))?.[1] as (new (config: unknown) => SdkClient) | undefined;
  if (!Client) throw new StatesError('States.Runtime', `${packageName} exports no client class.`);
  // Local endpoints take any credentials; fixed ones keep the SDK from searching the machine for real ones.
  return { module, client: new Client({ endpoint, region, credentials: { accessKeyId: 'statecraft', secretAccessKey: 'statecraft' } }) };
}

/** The Lambda Invoke request: the legacy function-ARN resource passes the state's input as the payload. */
function lambdaRequest(target: TaskTarget, input: Json): Record<string, unknown> {
  if (target.kind === 'lambda-function') return { FunctionName: target.arn, Payload: encode(input) };
  const { Payload, ...rest } = (input ?? {}) as JsonObject;
  return Payload === undefined ? rest : { ...rest, Payload: encode(Payload) };
}

/**
 * What Step Functions makes of a Lambda answer: a function error fails the task with the
 * function's `errorType` (cause: the error payload); the optimized integration's result is the
 * whole response with the payload parsed, the legacy ARN's result is the payload alone.
 */
function lambdaResult(target: TaskTarget, response: Record<string, unknown>): Json {
  const payload = decode(response.Payload);
  if (typeof response.FunctionError === 'string') {
    const errorType = typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as JsonObject).errorType : undefined;
    throw new StatesError(typeof errorType === 'string' ? errorType : 'Lambda.Unknown', JSON.stringify(payload));
  }
  if (target.kind === 'lambda-function') return payload;
  return { ExecutedVersion: (response.ExecutedVersion as string | undefined) ?? '$LATEST', Payload: payload, StatusCode: (response.StatusCode as number | undefined) ?? 200 };
}

function plainResult(response: Record<string, unknown>): Json {
  const { $metadata: _metadata, ...rest } = response;
  return JSON.parse(JSON.stringify(rest)) as Json;
}

function encode(value: Json): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

function decode(payload: unknown): Json {
  if (!(payload instanceof Uint8Array) || payload.length === 0) return null;
  const text = new TextDecoder().decode(payload);
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

function pascal(service: string): string {
  return service.charAt(0).toUpperCase() + service.slice(1);
}

/** Every Task `Resource` in a definition, nested branches and processors included. */
function taskResources(definition: Json): Set<string> {
  const found = new Set<string>();
  walkStates(definition as { States?: unknown }, ({ state }) => {
    if (state.Type === 'Task' && typeof state.Resource === 'string') found.add(state.Resource);
  });
  return found;
}
