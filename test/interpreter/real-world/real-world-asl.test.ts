import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../src/asl/validate';
import type { StateMachineDefinition } from '../../../src/asl/types';
import { deriveIamPolicy } from '../../../src/iam';
import { run } from '../run';

const REGIONAL_S3 = 'arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject';
const REGIONAL_LAMBDA = 'arn:aws:states:us-east-1:123456789012:lambda:invoke';

// As console exports and SAM templates write integrations.
const regional: StateMachineDefinition = {
  StartAt: 'Get',
  States: {
    Get: { Type: 'Task', Resource: REGIONAL_S3, Parameters: { Bucket: 'b', Key: 'k' }, ResultSelector: { 'body.$': '$.Body' }, Next: 'Call' },
    Call: { Type: 'Task', Resource: REGIONAL_LAMBDA, Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:f', 'Payload.$': '$' }, OutputPath: '$.Payload', End: true },
  },
};

describe('service-integration ARNs with region and account', () => {
  it('are valid ASL', () => {
    expect(validateDefinition(regional)).toEqual([]);
  });

  it('run: a mock keyed by the state or by the usual short ARN answers them; history names the integration', async () => {
    const { result, execution } = await run(regional, {}, {
      mocks: { 'arn:aws:states:::aws-sdk:s3:getObject': () => ({ Body: 'hello' }), Call: (input) => ({ got: input }) },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { got: { Payload: { body: 'hello' } } } });
    const scheduled = execution.history().filter((e) => e.type === 'TaskScheduled');
    expect(scheduled.map((e) => [e.taskScheduledEventDetails!.resourceType, e.taskScheduledEventDetails!.resource])).toEqual([
      ['aws-sdk:s3', 'getObject'],
      ['lambda', 'invoke'],
    ]);
  });

  it('IAM grants what the short form would', () => {
    const short: StateMachineDefinition = JSON.parse(JSON.stringify(regional).replaceAll(':us-east-1:123456789012:aws-sdk', ':::aws-sdk').replaceAll(':us-east-1:123456789012:lambda:invoke', ':::lambda:invoke'));
    expect((short.States.Get as { Resource: string }).Resource).toBe('arn:aws:states:::aws-sdk:s3:getObject');
    expect(deriveIamPolicy(regional).policy).toEqual(deriveIamPolicy(short).policy);
    const actions = deriveIamPolicy(regional).policy.Statement.flatMap((s) => s.Action);
    expect(actions).toEqual(expect.arrayContaining(['s3:GetObject', 'lambda:InvokeFunction']));
  });
});

describe('Parameters as a JSON array', () => {
  const definition = {
    StartAt: 'Enrich',
    States: {
      Enrich: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: [{ 'id.$': '$.id', fixed: 1 }, 'literal', { 'ctx.$': '$$.State.Name' }],
        End: true,
      },
      Echo: { Type: 'Pass', Parameters: [{ 'n.$': '$.n' }], End: true },
    },
  };

  it('is valid ASL, and the template inside the array is still checked', () => {
    const reachable = { ...definition, States: { ...definition.States, Enrich: { ...definition.States.Enrich, End: undefined, Next: 'Echo' } } };
    delete (reachable.States.Enrich as Record<string, unknown>).End;
    expect(validateDefinition(reachable)).toEqual([]);
    const broken = { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: [{ 'a.$': 'not a path(' }], End: true } } };
    expect(validateDefinition(broken).map((d) => d.code)).toEqual(['INVALID_PAYLOAD_TEMPLATE']);
  });

  it('runs: the task receives the array with its paths resolved', async () => {
    const seen: unknown[] = [];
    const { result } = await run({ StartAt: 'Enrich', States: { Enrich: definition.States.Enrich } }, { id: 7 }, {
      mocks: {
        Enrich: (input) => {
          seen.push(input);
          return { StatusCode: 200, Payload: 'ok' };
        },
      },
    });
    expect(result.status).toBe('SUCCEEDED');
    expect(seen).toEqual([[{ id: 7, fixed: 1 }, 'literal', { ctx: 'Enrich' }]]);
  });
});
