import { describe, expect, it } from 'vitest';
import { Interpreter } from '../../../src/interpreter';

const START = '2024-01-01T00:00:00Z';
const activityTask = (arn: string) => ({ StartAt: 'Work', States: { Work: { Type: 'Task', Resource: arn, End: true } } });

async function saveAndResume(definition: unknown) {
  const sfn = new Interpreter({ startTime: START });
  const execution = sfn.createStateMachine(definition, { name: 'M' }).startExecution({});
  const result = await execution.result;
  const saved = JSON.parse(JSON.stringify(execution.snapshot()));
  const sfn2 = new Interpreter({ startTime: saved.clockNow });
  sfn2.createStateMachine(definition, { name: 'M' });
  const resumed = await sfn2.resumeExecution(saved);
  return { result, resumed: await resumed.result, history: execution.history(), resumedHistory: resumed.history(), sfn2 };
}

describe('snapshot and resume of work on an activity that does not exist', () => {
  it('replays ActivityScheduleFailed (the activity is not created for the replay)', async () => {
    const { result, resumed, history, resumedHistory, sfn2 } = await saveAndResume(activityTask('arn:aws:states:us-east-1:123456789012:activity:never-created'));
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(history.map((e) => e.type)).toContain('ActivityScheduleFailed');
    expect(resumed).toEqual(result);
    expect(resumedHistory).toEqual(history);
    expect(sfn2.listActivities().activities).toEqual([]);
  });

  it('is not refused when the activity ARN names another region or account', async () => {
    const { result, resumed } = await saveAndResume(activityTask('arn:aws:states:eu-west-1:999999999999:activity:elsewhere'));
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(resumed).toEqual(result);
  });
});
