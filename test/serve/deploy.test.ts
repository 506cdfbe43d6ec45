import { DescribeStateMachineCommand, ListStateMachineVersionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as deploy } from '../../src/cli/commands/deploy';
import { startServer, type StepFunctionsServer } from 'statecraft/serve';

const ROLE = 'arn:aws:iam::123456789012:role/LotteryRole';

describe('statecraft deploy (against statecraft serve)', () => {
  let server: StepFunctionsServer;
  const saved = { ...process.env };
  beforeAll(async () => {
    server = await startServer({ port: 0 });
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' });
  });
  afterAll(async () => {
    await server.close();
    process.env = saved;
  });

  function io() {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) } };
  }

  it('creates, then updates and publishes, and prints the IAM policy the role needs', async () => {
    const first = io();
    expect(await deploy(['generated/LotteryDraw.asl.json', '--role-arn', ROLE, '--endpoint', server.url], first.io)).toBe(0);
    expect(first.out.stdout).toMatch(/^created arn:aws:states:us-east-1:123456789012:stateMachine:LotteryDraw/);
    expect(first.out.stdout).toContain('lambda:InvokeFunction');

    const second = io();
    expect(await deploy(['generated/LotteryDraw.asl.json', '--role-arn', ROLE, '--endpoint', server.url, '--publish', '--json'], second.io)).toBe(0);
    const report = JSON.parse(second.out.stdout);
    expect(report).toMatchObject({ created: false, stateMachineVersionArn: `${report.stateMachineArn}:1` });
    expect(report.iam.policy.Statement.length).toBeGreaterThan(0);

    const sfn = new SFNClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 't', secretAccessKey: 't' } });
    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: report.stateMachineArn }));
    expect(described.roleArn).toBe(ROLE);
    expect((await sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn: report.stateMachineArn }))).stateMachineVersions).toHaveLength(1);
  });

  it('refuses an invalid definition before calling anything, and reports what AWS refused', async () => {
    const invalid = io();
    expect(await deploy(['test/serve/fixtures/invalid.asl.json', '--role-arn', ROLE, '--endpoint', server.url], invalid.io)).toBe(2);
    expect(invalid.out.stderr).toContain('nothing was deployed');
    const refused = io();
    expect(await deploy(['generated/LotteryDraw.asl.json', '--role-arn', ROLE, '--endpoint', server.url, '--name', 'bad name'], refused.io)).toBe(1);
    expect(refused.out.stderr).toContain('InvalidName');
    const usage = io();
    expect(await deploy(['generated/LotteryDraw.asl.json'], usage.io)).toBe(2);
    expect(usage.out.stderr).toContain('--role-arn is required');
  });
});
