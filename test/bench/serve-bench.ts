/**
 * The `statecraft serve` cases of `npm run bench`: StartExecution → SUCCEEDED round trips per
 * second for a 5-state machine through the real AWS SDK client, with state in memory and with
 * `--data` (every execution journaled and fsync'ed). No peer runs here: Step Functions Local needs
 * a JVM in Docker and LocalStack needs Docker, neither of which this machine has.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateStateMachineCommand, DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { startServer } from '../../src/serve/index';

const FIVE_STATES = JSON.stringify({
  StartAt: 'S1',
  States: {
    S1: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)' }, Next: 'S2' },
    S2: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)' }, Next: 'S3' },
    S3: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 0, Next: 'S4' }], Default: 'S5' },
    S4: { Type: 'Pass', Next: 'S5' },
    S5: { Type: 'Succeed' },
  },
});

/** A one-hour Wait between two Pass states: only `--clock virtual` runs it at once. */
const HOUR_WAIT = JSON.stringify({
  StartAt: 'A',
  States: { A: { Type: 'Pass', Next: 'W' }, W: { Type: 'Wait', Seconds: 3600, Next: 'B' }, B: { Type: 'Pass', End: true } },
});

async function roundTrips(dataDir: string | undefined, seconds: number, definition = FIVE_STATES, clock: 'real' | 'virtual' = 'real'): Promise<number> {
  const server = await startServer({ port: 0, dataDir, clock });
  const sfn = new SFNClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'b', secretAccessKey: 'b' }, maxAttempts: 1 });
  const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Bench', definition, roleArn: 'arn:aws:iam::123456789012:role/B' }));
  const run = async (): Promise<void> => {
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"n":1}' }));
    for (;;) {
      const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (status === 'SUCCEEDED') return;
      if (status !== 'RUNNING') throw new Error(`bench execution ended ${status}`);
    }
  };
  for (let i = 0; i < 50; i++) await run(); // warm up
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    await run();
    count++;
  }
  const rate = count / ((performance.now() - started) / 1000);
  sfn.destroy();
  await server.close();
  return rate;
}

export async function serveBench(): Promise<string[]> {
  const memory = await roundTrips(undefined, 3);
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-serve-bench-'));
  try {
    const journaled = await roundTrips(dir, 3);
    const hourWait = await roundTrips(undefined, 3, HOUR_WAIT, 'virtual');
    return [
      `bench serve-5-state: statecraft serve ${Math.round(memory)} executions/s (StartExecution → SUCCEEDED round trips through @aws-sdk/client-sfn, state in memory)`,
      `bench serve-5-state-data: statecraft serve ${Math.round(journaled)} executions/s (the same with --data: each execution journaled and fsync'ed)`,
      `bench serve-hour-wait-virtual: statecraft serve --clock virtual ${Math.round(hourWait)} executions/s (a one-hour Wait between two Pass states, SUCCEEDED through the SDK)`,
      '  no peer: Step Functions Local and LocalStack need Docker, which this machine lacks',
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
