/** The worker section: activity workers and callback senders. */
import { describe, expect, it } from 'vitest';
import { ACCOUNT, REGION, derive, deriveForState } from './iam-test-support';

const activity = (name: string) => `arn:aws:states:${REGION}:${ACCOUNT}:activity:${name}`;

describe('activity workers', () => {
  it('need states:GetActivityTask and states:SendTask* on each activity', () => {
    const report = derive({
      StartAt: 'Review',
      States: {
        Review: { Type: 'Task', Resource: activity('review'), Next: 'Pack' },
        Pack: { Type: 'Task', Resource: activity('pack'), Next: 'ReviewAgain' },
        ReviewAgain: { Type: 'Task', Resource: activity('review'), End: true },
      },
    });
    expect(report.workers.activityWorkers).toEqual({
      activities: [activity('pack'), activity('review')],
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'ActivityWorkerPackReview',
            Effect: 'Allow',
            Action: ['states:GetActivityTask', 'states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess'],
            Resource: [activity('pack'), activity('review')],
          },
        ],
      },
      statements: [{ sid: 'ActivityWorkerPackReview', states: ['Review', 'Pack', 'ReviewAgain'] }],
    });
  });

  it('is empty without activities', () => {
    const report = deriveForState({ Resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:f` });
    expect(report.workers.activityWorkers).toEqual({ activities: [], policy: null, statements: [] });
    expect(report.workers.callbackSenders).toEqual({ states: [], policy: null, statements: [] });
  });
});

describe('callback senders', () => {
  const machineArn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:Orders`;
  const waitStates = {
    StartAt: 'Approve',
    States: {
      Approve: {
        Type: 'Task' as const,
        Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        Parameters: { QueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/approvals`, MessageBody: { 'token.$': '$$.Task.Token' } },
        Next: 'Ship',
      },
      Ship: {
        Type: 'Task' as const,
        Resource: 'arn:aws:states:::aws-sdk:sns:publish.waitForTaskToken',
        Parameters: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:ship', 'Message.$': '$$.Task.Token' },
        End: true,
      },
    },
  };

  it('need states:SendTaskSuccess/Failure/Heartbeat on the state machine, for every .waitForTaskToken state', () => {
    const report = derive(waitStates, { stateMachineArn: machineArn });
    expect(report.workers.callbackSenders).toEqual({
      states: ['Approve', 'Ship'],
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'CallbackSenderOrders',
            Effect: 'Allow',
            Action: ['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess'],
            Resource: [machineArn],
          },
        ],
      },
      statements: [{ sid: 'CallbackSenderOrders', states: ['Approve', 'Ship'] }],
    });
    expect(report.warnings.find((warning) => warning.kind === 'note')?.message).toContain('Approve, Ship');
  });

  it('use "*" with a warning when the state machine is unknown', () => {
    const report = derive(waitStates);
    expect(report.workers.callbackSenders.policy?.Statement[0].Resource).toEqual(['*']);
    expect(report.warnings.filter((warning) => warning.kind === 'missing-context').map((warning) => warning.message)).toContainEqual(
      expect.stringContaining('callback senders'),
    );
  });

  it('the execution role does not get states:SendTask*', () => {
    const report = derive(waitStates, { stateMachineArn: machineArn });
    expect(report.policy.Statement.flatMap((statement) => statement.Action).filter((action) => action.startsWith('states:SendTask'))).toEqual([]);
  });
});
