import { mkdtempSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateStateMachineCommand, DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, it } from 'vitest';
import { startServeProcess, type ServeProcess } from './serve-process';

const ROLE = 'arn:aws:iam::123456789012:role/StepFunctionsRole';
const client = (url: string) =>
  new SFNClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 't', secretAccessKey: 't' }, disableHostPrefix: true, maxAttempts: 1 });

describe('statecraft serve --data --endpoint: a real call in flight at a crash', () => {
  const servers: ServeProcess[] = [];
  const held: ServerResponse[] = [];
  const lambdaCalls: unknown[] = [];
  // The first Invoke never answers (the server dies meanwhile); later ones answer.
  const lambda = createServer((request, response) => {
    let body = '';
    request.on('data', (c: Buffer) => (body += c.toString()));
    request.on('end', () => {
      lambdaCalls.push(JSON.parse(body));
      if (lambdaCalls.length === 1) return void held.push(response);
      response.writeHead(200, { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' });
      response.end(JSON.stringify({ charged: true }));
    });
  });
  afterAll(async () => {
    for (const server of servers) await server.kill();
    for (const response of held) response.destroy();
    lambda.closeAllConnections();
    await new Promise((r) => lambda.close(r));
  });

  it('is made again after the restart (at-least-once, as AWS invokes tasks) and reported, not repeated silently', async () => {
    await new Promise<void>((r) => lambda.listen(0, '127.0.0.1', r));
    const args = ['--data', mkdtempSync(join(tmpdir(), 'statecraft-intent-')), '--endpoint', `lambda=http://127.0.0.1:${(lambda.address() as AddressInfo).port}`];
    let server = await startServeProcess(args);
    servers.push(server);
    let sfn = client(server.url);
    const definition = JSON.stringify({
      StartAt: 'Charge',
      States: { Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'charge', 'Payload.$': '$' }, OutputPath: '$.Payload', End: true } },
    });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Charge', definition, roleArn: ROLE }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"order":7}' }));
    for (let i = 0; i < 200 && lambdaCalls.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(lambdaCalls).toHaveLength(1);

    await server.kill('SIGKILL');
    server = await startServeProcess(args);
    servers.push(server);
    sfn = client(server.url);
    let status = 'RUNNING';
    let output: string | undefined;
    for (let i = 0; i < 200 && status === 'RUNNING'; i++) {
      ({ status = 'RUNNING', output } = await sfn.send(new DescribeExecutionCommand({ executionArn })));
      if (status === 'RUNNING') await new Promise((r) => setTimeout(r, 10));
    }
    expect(status).toBe('SUCCEEDED');
    expect(JSON.parse(output!)).toEqual({ charged: true });
    expect(lambdaCalls).toEqual([{ order: 7 }, { order: 7 }]);
    expect(server.stderr()).toContain(`execution ${executionArn}: the Task call of state 'Charge' (its call #1) was in flight when the server stopped; it is made again now`);
  }, 60_000);
});
