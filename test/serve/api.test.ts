import { mkdtempSync, readdirSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ActivityDoesNotExist,
  ConflictException,
  CreateActivityCommand,
  CreateStateMachineAliasCommand,
  CreateStateMachineCommand,
  DeleteStateMachineVersionCommand,
  DescribeExecutionCommand,
  DescribeStateMachineAliasCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  GetActivityTaskCommand,
  GetExecutionHistoryCommand,
  InvalidArn,
  InvalidExecutionInput,
  InvalidName,
  ListActivitiesCommand,
  ListExecutionsCommand,
  ListStateMachineVersionsCommand,
  ListStateMachinesCommand,
  ListTagsForResourceCommand,
  PublishStateMachineVersionCommand,
  SendTaskFailureCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
  ValidationException,
  DescribeActivityCommand,
} from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type StepFunctionsServer } from 'statecraft/serve';

const ROLE = 'arn:aws:iam::123456789012:role/StepFunctionsRole';
const pass = (result: unknown) => JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Result: result, End: true } } });

let servers: StepFunctionsServer[] = [];
let others: Server[] = [];
afterEach(async () => {
  for (const server of servers) await server.close();
  for (const server of others) await new Promise((r) => server.close(r));
  servers = [];
  others = [];
});

async function serve(options: Parameters<typeof startServer>[0] = {}): Promise<{ server: StepFunctionsServer; sfn: SFNClient }> {
  const server = await startServer({ port: 0, ...options });
  servers.push(server);
  const sfn = new SFNClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 't', secretAccessKey: 't' }, disableHostPrefix: true, maxAttempts: 1 });
  return { server, sfn };
}

async function finished(sfn: SFNClient, executionArn: string) {
  for (let i = 0; i < 200; i++) {
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return d;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('still running');
}

async function raw(url: string, target: string | undefined, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0' };
  if (target) headers['x-amz-target'] = target;
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('statecraft serve: the API', () => {
  it('versions and aliases: publish, describe, run through an alias, refuse deleting a routed version', async () => {
    const { sfn } = await serve();
    const created = await sfn.send(new CreateStateMachineCommand({ name: 'Versions', definition: pass('v1'), roleArn: ROLE, publish: true, versionDescription: 'first' }));
    expect(created.stateMachineVersionArn).toBe(`${created.stateMachineArn}:1`);
    const updated = await sfn.send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: pass('v2'), publish: true }));
    expect(updated.stateMachineVersionArn).toBe(`${created.stateMachineArn}:2`);
    const versions = await sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn: created.stateMachineArn }));
    expect(versions.stateMachineVersions!.map((v) => v.stateMachineVersionArn)).toEqual([`${created.stateMachineArn}:2`, `${created.stateMachineArn}:1`]);
    expect(JSON.parse((await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: `${created.stateMachineArn}:1` }))).definition!).States.P.Result).toBe('v1');
    await expect(sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn: created.stateMachineArn, revisionId: 'stale' }))).rejects.toBeInstanceOf(ConflictException);

    const alias = await sfn.send(
      new CreateStateMachineAliasCommand({ name: 'prod', routingConfiguration: [{ stateMachineVersionArn: `${created.stateMachineArn}:1`, weight: 100 }] }),
    );
    expect(alias.stateMachineAliasArn).toBe(`${created.stateMachineArn}:prod`);
    expect((await sfn.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: alias.stateMachineAliasArn }))).routingConfiguration).toEqual([
      { stateMachineVersionArn: `${created.stateMachineArn}:1`, weight: 100 },
    ]);
    const viaAlias = await sfn.send(new StartExecutionCommand({ stateMachineArn: alias.stateMachineAliasArn }));
    const d = await finished(sfn, viaAlias.executionArn!);
    expect(JSON.parse(d.output!)).toBe('v1');
    expect(d.stateMachineAliasArn).toBe(alias.stateMachineAliasArn);
    expect(d.stateMachineVersionArn).toBe(`${created.stateMachineArn}:1`);
    const forExecution = await sfn.send(new DescribeStateMachineForExecutionCommand({ executionArn: viaAlias.executionArn }));
    expect(JSON.parse(forExecution.definition!).States.P.Result).toBe('v1');
    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: alias.stateMachineAliasArn }));
    expect(listed.executions!.map((e) => e.executionArn)).toEqual([viaAlias.executionArn]);
    await expect(sfn.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: `${created.stateMachineArn}:1` }))).rejects.toBeInstanceOf(ConflictException);
  });

  it('activities: a worker polls with GetActivityTask and answers; tags; AWS errors', async () => {
    const { sfn } = await serve();
    const { activityArn } = await sfn.send(new CreateActivityCommand({ name: 'approve', tags: [{ key: 'team', value: 'payments' }] }));
    expect((await sfn.send(new DescribeActivityCommand({ activityArn }))).name).toBe('approve');
    expect((await sfn.send(new ListActivitiesCommand({}))).activities!.map((a) => a.name)).toEqual(['approve']);
    const definition = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: activityArn, End: true } } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Worker', definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"age":17}' }));
    const task = await sfn.send(new GetActivityTaskCommand({ activityArn, workerName: 'w1' }));
    expect(JSON.parse(task.input!)).toEqual({ age: 17 });
    await sfn.send(new SendTaskFailureCommand({ taskToken: task.taskToken!, error: 'TooYoung', cause: 'under 18' }));
    const d = await finished(sfn, executionArn!);
    expect(d).toMatchObject({ status: 'FAILED', error: 'TooYoung', cause: 'under 18' });
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, includeExecutionData: false }));
    expect(history.events![0].type).toBe('ExecutionFailed');
    expect(history.events!.find((e) => e.type === 'ExecutionStarted')!.executionStartedEventDetails!.input).toBeUndefined();

    await sfn.send(new TagResourceCommand({ resourceArn: stateMachineArn, tags: [{ key: 'env', value: 'dev' }, { key: 'x', value: '1' }] }));
    await sfn.send(new UntagResourceCommand({ resourceArn: stateMachineArn, tagKeys: ['x'] }));
    expect((await sfn.send(new ListTagsForResourceCommand({ resourceArn: stateMachineArn }))).tags).toEqual([{ key: 'env', value: 'dev' }]);
    expect((await sfn.send(new ListTagsForResourceCommand({ resourceArn: activityArn }))).tags).toEqual([{ key: 'team', value: 'payments' }]);

    await expect(sfn.send(new GetActivityTaskCommand({ activityArn: `${activityArn}-gone` }))).rejects.toBeInstanceOf(ActivityDoesNotExist);
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn: 'arn:aws:states:us-east-1:123456789012:activity:x' }))).rejects.toBeInstanceOf(InvalidArn);
    await expect(sfn.send(new CreateStateMachineCommand({ name: 'bad name', definition: pass(1), roleArn: ROLE }))).rejects.toBeInstanceOf(InvalidName);
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{not json' }))).rejects.toBeInstanceOf(InvalidExecutionInput);
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ big: 'x'.repeat(262_144) }) }))).rejects.toBeInstanceOf(ValidationException);
  });

  it('stops executions, lists machines, validates definitions in AWS diagnostic format', async () => {
    const { sfn } = await serve();
    const waiting = JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Waits', definition: waiting, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const stopped = await sfn.send(new StopExecutionCommand({ executionArn, error: 'Manual', cause: 'test' }));
    expect(stopped.stopDate).toBeInstanceOf(Date);
    expect(await finished(sfn, executionArn!)).toMatchObject({ status: 'ABORTED', error: 'Manual', cause: 'test' });
    expect((await sfn.send(new ListStateMachinesCommand({}))).stateMachines!.map((m) => m.name)).toEqual(['Waits']);

    const ok = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: waiting }));
    expect(ok.result).toBe('OK');
    const bad = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: JSON.stringify({ StartAt: 'X', States: { W: { Type: 'Wait', End: true } } }) }));
    expect(bad.result).toBe('FAIL');
    expect(bad.diagnostics!.length).toBeGreaterThan(0);
    expect(bad.diagnostics![0]).toMatchObject({ severity: 'ERROR', code: expect.any(String), location: expect.stringMatching(/^\//) });
  });

  it('answers malformed requests with AWS error shapes and keeps serving', async () => {
    const { server, sfn } = await serve();
    const malformed = await raw(server.url, 'AWSStepFunctions.ListStateMachines', '{not json');
    expect(malformed.status).toBe(400);
    expect(malformed.json.__type).toMatch(/#SerializationException$/);
    const unknown = await raw(server.url, 'AWSStepFunctions.LaunchRockets', '{}');
    expect(unknown.json.__type).toMatch(/#UnknownOperationException$/);
    const missingTarget = await raw(server.url, undefined, '{}');
    expect(missingTarget.json.__type).toMatch(/#UnknownOperationException$/);
    const wrongType = await raw(server.url, 'AWSStepFunctions.CreateActivity', '{"name": 5}');
    expect(wrongType.json.__type).toMatch(/#SerializationException$/);
    const missing = await raw(server.url, 'AWSStepFunctions.DescribeStateMachine', '{}');
    expect(missing.json).toMatchObject({ message: expect.stringContaining("at 'stateMachineArn' failed to satisfy constraint: Member must not be null") });
    const huge = await raw(server.url, 'AWSStepFunctions.StartExecution', JSON.stringify({ stateMachineArn: 'x', input: 'x'.repeat(3 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(huge.json.__type).toMatch(/#ValidationException$/);
    // Still serving.
    expect((await sfn.send(new ListStateMachinesCommand({}))).stateMachines).toEqual([]);
  });

  it('calls a real local Lambda endpoint (--endpoint lambda=URL) with the Lambda Invoke API', async () => {
    const calls: { path: string; body: unknown }[] = [];
    const lambda = createServer((request, response) => {
      let body = '';
      request.on('data', (c: Buffer) => (body += c.toString()));
      request.on('end', () => {
        calls.push({ path: request.url!, body: JSON.parse(body) });
        const payload = JSON.parse(body) as { n: number };
        if (payload.n < 0) {
          response.writeHead(200, { 'x-amz-function-error': 'Unhandled', 'content-type': 'application/json' });
          response.end(JSON.stringify({ errorType: 'NegativeNumber', errorMessage: 'n < 0' }));
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' });
        response.end(JSON.stringify({ doubled: payload.n * 2 }));
      });
    });
    others.push(lambda);
    await new Promise<void>((r) => lambda.listen(0, '127.0.0.1', r));
    const lambdaUrl = `http://127.0.0.1:${(lambda.address() as AddressInfo).port}`;
    const { sfn } = await serve({ endpoints: { lambda: lambdaUrl } });
    const definition = JSON.stringify({
      StartAt: 'Double',
      States: {
        Double: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:double', 'Payload.$': '$' },
          ResultSelector: { 'value.$': '$.Payload.doubled' },
          Catch: [{ ErrorEquals: ['NegativeNumber'], Next: 'Negative' }],
          End: true,
        },
        Negative: { Type: 'Pass', End: true },
      },
    });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Doubler', definition, roleArn: ROLE }));
    const ok = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"n":21}' }));
    expect(JSON.parse((await finished(sfn, ok.executionArn!)).output!)).toEqual({ value: 42 });
    expect(calls[0]).toEqual({ path: '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Adouble/invocations', body: { n: 21 } });
    const failing = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"n":-1}' }));
    const caught = await finished(sfn, failing.executionArn!);
    expect(caught.status).toBe('SUCCEEDED');
    expect(JSON.parse(caught.output!)).toMatchObject({ Error: 'NegativeNumber' });
  });

  it('with --data: a torn journal tail is reported and the rest still loads', async () => {
    const data = mkdtempSync(join(tmpdir(), 'statecraft-journal-'));
    const first = await serve({ dataDir: data });
    const { stateMachineArn } = await first.sfn.send(new CreateStateMachineCommand({ name: 'Kept', definition: pass('kept'), roleArn: ROLE }));
    const { executionArn } = await first.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'one' }));
    await finished(first.sfn, executionArn!);
    await first.server.close();
    servers = servers.filter((s) => s !== first.server);
    const [journal] = readdirSync(join(data, 'executions'));
    appendFileSync(join(data, 'executions', journal), '0badc0de {"kind":"answ');
    const problems: string[] = [];
    const second = await serve({ dataDir: data, onProblem: (p) => problems.push(p) });
    expect(problems).toEqual([expect.stringContaining('truncated or torn last write')]);
    const d = await second.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(d.status).toBe('SUCCEEDED');
    expect(JSON.parse(d.output!)).toBe('kept');
  });
});
