import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/run';

// workflows/mocks/MockConfigFile.json is what the README's `statecraft run` example uses: every
// test case in it must run the committed generated/ ASL to the outcome its name promises.
const MOCKS = 'workflows/mocks/MockConfigFile.json';

async function runCase(definition: string, testCase: string) {
  let stdout = '';
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stdout += t), colour: false };
  const code = await run([definition, '--mocks', MOCKS, '--test-case', testCase, '--start-time', '2024-01-01T00:00:00Z', '--json'], io);
  return { code, result: JSON.parse(stdout) as { status: string; history: { type: string; timestamp: string }[] } };
}

const visited = (history: { type: string; stateEnteredEventDetails?: { name: string } }[]) =>
  history.flatMap((e) => (e.stateEnteredEventDetails ? [e.stateEnteredEventDetails.name] : []));

describe('the example MockConfigFile', () => {
  it('CallbackExample: the callback arrives, success is published', async () => {
    const { code, result } = await runCase('generated/CallbackExample.asl.json', 'CallbackSucceeds');
    expect(code).toBe(0);
    expect(visited(result.history as never)).toEqual(['Start Task And Wait For Callback', 'Notify Success']);
  });

  it('CallbackExample: the worker fails, the Catch publishes the failure', async () => {
    const { code, result } = await runCase('generated/CallbackExample.asl.json', 'WorkerFails');
    expect(code).toBe(0);
    expect(visited(result.history as never)).toEqual(['Start Task And Wait For Callback', 'Notify Failure']);
  });

  it('CallbackExample: no answer, the heartbeat times out after 600 virtual seconds', async () => {
    const { result } = await runCase('generated/CallbackExample.asl.json', 'WorkerNeverAnswers');
    const timedOut = result.history.find((e) => e.type === 'TaskTimedOut')!;
    expect(Date.parse(timedOut.timestamp) - Date.parse('2024-01-01T00:00:00Z')).toBe(600_000);
    expect(visited(result.history as never)).toEqual(['Start Task And Wait For Callback', 'Notify Failure']);
  });

  it('BatchJobNotify: the job runs ten virtual minutes, or fails into the failure notice', async () => {
    const ok = await runCase('generated/BatchJobNotify.asl.json', 'JobSucceeds');
    expect(visited(ok.result.history as never)).toEqual(['Submit Batch Job', 'Notify Success']);
    const failed = await runCase('generated/BatchJobNotify.asl.json', 'JobFails');
    expect(visited(failed.result.history as never)).toEqual(['Submit Batch Job', 'Notify Failure']);
  });
});
