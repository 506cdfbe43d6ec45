import { CreateStateMachineCommand, DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startServer, type StepFunctionsServer } from 'statecraft/serve';
import { artifactPath, chromiumPath, sharedBrowser, SKIP_MESSAGE } from '../support/browser';

const ROLE = 'arn:aws:iam::123456789012:role/R';
const definition = JSON.stringify({
  StartAt: 'Check',
  States: {
    Check: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 0, Next: 'Positive' }], Default: 'Nope' },
    Positive: { Type: 'Pass', Result: 'yes', End: true },
    Nope: { Type: 'Fail', Error: 'NotPositive' },
  },
});

if (!chromiumPath) console.warn(`test/serve/console.test.ts: ${SKIP_MESSAGE}`);

describe('statecraft serve console (GET /)', () => {
  let server: StepFunctionsServer;
  let executionArn: string;
  beforeAll(async () => {
    server = await startServer({ port: 0 });
    const sfn = new SFNClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 't', secretAccessKey: 't' } });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Signs', definition, roleArn: ROLE }));
    ({ executionArn } = (await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'positive', input: '{"n":3}' }))) as { executionArn: string });
    const negative = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'negative', input: '{"n":-3}' }));
    for (const arn of [executionArn, negative.executionArn!]) {
      for (let i = 0; i < 200 && (await sfn.send(new DescribeExecutionCommand({ executionArn: arn }))).status === 'RUNNING'; i++) await new Promise((r) => setTimeout(r, 5));
    }
  });
  afterAll(async () => server.close());

  it('lists machines and executions, filtered by status', async () => {
    const all = await (await fetch(`${server.url}/`)).text();
    expect(all).toContain('Signs');
    expect(all).toMatch(/positive<\/a>.*SUCCEEDED/s);
    expect(all).toMatch(/negative<\/a>.*FAILED/s);
    const failed = await (await fetch(`${server.url}/?status=FAILED`)).text();
    expect(failed).toContain('>negative<');
    expect(failed).not.toContain('>positive<');
    expect((await fetch(`${server.url}/nothing-here`)).status).toBe(404);
  });

  it.skipIf(!chromiumPath)('opens an execution as the run view in a real browser, path coloured, state data on click', async () => {
    const page = await (await sharedBrowser()).newPage();
    onTestFinished(() => page.close());
    await page.goto(`${server.url}/`);
    await page.click('a[href*="execution%3ASigns%3Apositive"]');
    await page.waitForSelector('[data-state="Positive"]');
    const outcome = (state: string) => page.$eval(`[data-state="${state}"]`, (el) => el.getAttribute('class') ?? '');
    expect(await outcome('Check')).toContain('o-succeeded');
    expect(await outcome('Positive')).toContain('o-succeeded');
    expect(await outcome('Nope')).toContain('o-not-reached');
    await page.click('[data-state="Positive"]');
    expect(await page.$eval('.sc-run-detail', (d) => d.textContent ?? '')).toContain('"yes"');
    await page.screenshot({ path: artifactPath('serve-console-execution.png') });
    expect(page.url()).toBe(`${server.url}/execution?arn=${encodeURIComponent(executionArn)}`);
  });
});
