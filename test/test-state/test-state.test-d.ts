import type { TestStateInput, TestStateOutput } from '@aws-sdk/client-sfn';
import { expectTypeOf, test } from 'vitest';
import { testState } from '../../src/test-state';

test('testState takes and returns the AWS SDK TestState shapes', () => {
  expectTypeOf(testState).parameter(0).toEqualTypeOf<TestStateInput>();
  expectTypeOf(testState).returns.toEqualTypeOf<Promise<TestStateOutput>>();
  // @ts-expect-error definition is JSON text, as in the API
  void testState({ definition: { Type: 'Pass', End: true } });
});
