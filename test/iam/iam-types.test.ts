/** The public shapes the build and the CLI code against. */
import { describe, expectTypeOf, it } from 'vitest';
import type { StateMachineDefinition } from '../../src/asl/types';
import { deriveIamPolicy, formatIamReport, type IamPolicyDocument, type IamReport, type IamWarning } from '../../src/iam';

describe('IAM API types', () => {
  it('deriveIamPolicy takes plain ASL and options, and returns the report', () => {
    expectTypeOf(deriveIamPolicy).parameter(0).toEqualTypeOf<StateMachineDefinition>();
    expectTypeOf(deriveIamPolicy).returns.toEqualTypeOf<IamReport>();
    expectTypeOf<IamReport['policy']>().toEqualTypeOf<IamPolicyDocument>();
    expectTypeOf<IamReport['policy']['Version']>().toEqualTypeOf<'2012-10-17'>();
    expectTypeOf<IamReport['statements']>().toEqualTypeOf<{ sid: string; states: string[] }[]>();
    expectTypeOf<IamReport['warnings'][number]>().toEqualTypeOf<IamWarning>();
    expectTypeOf<IamWarning['state']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<IamReport['workers']['activityWorkers']['policy']>().toEqualTypeOf<IamPolicyDocument | null>();
    expectTypeOf(formatIamReport).returns.toEqualTypeOf<string>();
  });

  it('rejects unknown options', () => {
    const definition: StateMachineDefinition = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    // @ts-expect-error: not an option
    deriveIamPolicy(definition, { regoin: 'us-east-1' });
    deriveIamPolicy(definition, { region: 'us-east-1', account: '123456789012', stateMachineName: 'X', template: true });
  });
});
