import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetActivityTaskCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { localServers, ROLE, until } from './local-server';

const { serve, stop } = localServers();

// A journaled execution keeps only its answers (no history); the replay after a restart must still
// find the activities the execution scheduled work on, or a task a worker took is lost.
describe('statecraft serve --data: activity work a worker took survives a restart', () => {
  const definitions = {
    task: (activityArn: string) => ({ StartAt: 'Work', States: { Work: { Type: 'Task', Resource: activityArn, End: true } } }),
    'Distributed Map child': (activityArn: string) => ({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Work',
            States: { Work: { Type: 'Task', Resource: activityArn, End: true } },
          },
          End: true,
        },
      },
    }),
  };

  for (const [where, definition] of Object.entries(definitions)) {
    it(`in a ${where}: the worker's answer after the restart ends the execution`, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-activity-restart-'));
      const first = await serve({ dataDir });
      const { activityArn } = await first.sfn.send(new CreateActivityCommand({ name: 'work' }));
      const { stateMachineArn } = await first.sfn.send(new CreateStateMachineCommand({ name: 'Worked', definition: JSON.stringify(definition(activityArn!)), roleArn: ROLE }));
      const input = where === 'task' ? '"job"' : '["job"]';
      const { executionArn } = await first.sfn.send(new StartExecutionCommand({ stateMachineArn, input }));
      const task = await first.sfn.send(new GetActivityTaskCommand({ activityArn }));
      expect(task.input).toBe('"job"');
      await stop(first);

      const { server, sfn } = await serve({ dataDir });
      expect(server.problems).toEqual([]);
      await sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken!, output: '"done"' }));
      await until('the execution ended', async () => (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status !== 'RUNNING');
      const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      expect(described.status).toBe('SUCCEEDED');
      expect(JSON.parse(described.output!)).toEqual(where === 'task' ? 'done' : ['done']);
    });
  }
});
