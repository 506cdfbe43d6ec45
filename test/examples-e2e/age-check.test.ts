import { describe, expect, it } from 'vitest';
import { Interpreter, startActivityWorker, taskFailure, type Execution } from '../../src/interpreter';
import { loadExample } from './load-example';

const contentBrowse = loadExample('ContentBrowse');
const appDownload = loadExample('AppDownload');
const START = Date.parse('2024-03-01T09:00:00Z');

/** The ageCheck worker of the AWS example. */
function checkAge(input: unknown) {
  if ((input as { age: number }).age >= 18) return { type: 'adult', message: 'allowed' };
  throw taskFailure('age check failed', 'child under 18 is not allowed!');
}

function setUp() {
  const sfn = new Interpreter({ startTime: START });
  const { activityArn } = sfn.createActivity('ageCheck');
  const browse = sfn.createStateMachine(contentBrowse.definition, { name: 'ContentBrowse' });
  const download = sfn.createStateMachine(appDownload.definition, { name: 'AppDownload' });
  const downloads: unknown[] = [];
  const mocks = {
    'Start Download': (input: unknown) => {
      downloads.push(input);
      return { downloadUrl: 'https://example.com/app' };
    },
  };
  return { sfn, activityArn, browse, download, downloads, mocks };
}

describe(`age check with one shared activity end to end (${contentBrowse.source}, ${appDownload.source})`, () => {
  it('runs both workflows at once; workers approve adults and refuse children', async () => {
    const { sfn, activityArn, browse, download, downloads, mocks } = setUp();
    const workers = ['checker-1', 'checker-2'].map((workerName) => startActivityWorker(sfn, activityArn, checkAge, { workerName }));
    const ages = [34, 12, 18, 17, 70];
    const runs: { age: number; workflow: string; execution: Execution }[] = [];
    for (const age of ages) {
      runs.push({ age, workflow: 'ContentBrowse', execution: browse.startExecution({ age, workflow: 'ContentBrowse' }) });
      runs.push({ age, workflow: 'AppDownload', execution: download.startExecution({ age, workflow: 'AppDownload' }, { mocks }) });
    }
    const results = await Promise.all(runs.map((r) => r.execution.result));
    await Promise.all(workers.map((w) => w.stop()));

    runs.forEach(({ age, workflow, execution }, i) => {
      const result = results[i];
      if (age >= 18) {
        expect(result.status, `${workflow} age ${age}`).toBe('SUCCEEDED');
        const succeeded = execution.history().find((e) => e.type === 'ActivitySucceeded')!;
        expect(JSON.parse(succeeded.activitySucceededEventDetails!.output!)).toEqual({ type: 'adult', message: 'allowed' });
        expect(execution.history().at(-2)!.type).toBe('SucceedStateExited');
      } else {
        expect(result, `${workflow} age ${age}`).toEqual({ status: 'FAILED', error: 'CheckFailed', cause: 'Invalid response.' });
        const failed = execution.history().find((e) => e.type === 'ActivityFailed')!;
        expect(failed.activityFailedEventDetails).toEqual({ error: 'age check failed', cause: 'child under 18 is not allowed!' });
        expect(execution.history().at(-2)!.type).toBe('FailStateEntered');
      }
      const started = execution.history().find((e) => e.type === 'ActivityStarted')!;
      expect(['checker-1', 'checker-2']).toContain(started.activityStartedEventDetails!.workerName);
    });
    // Check Age has no ResultPath: the download starts with the worker's answer.
    expect(downloads).toEqual(ages.filter((a) => a >= 18).map(() => ({ type: 'adult', message: 'allowed' })));
    expect(workers.reduce((n, w) => n + w.answered, 0)).toBe(10);
    expect(new Set(runs.map((r) => r.execution.history().find((e) => e.type === 'ActivityStarted')!.activityStartedEventDetails!.workerName)).size).toBe(2);
  });

  it('with no worker, the 300-second state machine timeout ends the executions', async () => {
    const { browse, download, mocks } = setUp();
    const executions = [browse.startExecution({ age: 30 }), download.startExecution({ age: 30 }, { mocks })];
    for (const execution of executions) {
      expect(await execution.result).toEqual({ status: 'TIMED_OUT', error: 'States.Timeout' });
      const events = execution.history();
      expect(events.map((e) => e.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled', 'TaskStateAborted', 'ExecutionTimedOut']);
      expect(events.at(-1)!.timestamp!.getTime() - START).toBe(300_000);
    }
  });

  it('a worker arriving late still serves work that waited in the queue', async () => {
    const { sfn, activityArn, browse } = setUp();
    const execution = browse.startExecution({ age: 40 });
    let worker: ReturnType<typeof startActivityWorker> | undefined;
    sfn.clock.setTimer(120_000, () => {
      worker = startActivityWorker(sfn, activityArn, checkAge, { workerName: 'late' });
    });
    expect((await execution.result).status).toBe('SUCCEEDED');
    await worker!.stop();
    const started = execution.history().find((e) => e.type === 'ActivityStarted')!;
    expect(started.timestamp!.getTime() - START).toBe(120_000);
  });
});
