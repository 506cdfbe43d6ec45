import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MockResultSchemaError, mocksFor, run, syncJob } from 'statecraft/testing';
import { compileWorkflow } from '../../src/compiler/index';
import { lambda, lambdaFunction, resultSchemasOf, stepFunctions, withResultSchema, workflow } from '../../src/dsl/index';

const Order = z.object({ id: z.string() });
const Charge = z.object({ chargeId: z.string().startsWith('ch_'), amount: z.number().positive() });
const charge = lambdaFunction<{ id: string }, unknown>()('arn:aws:lambda:us-east-1:123456789012:function:charge');
const flow = workflow('Checkout', { input: Order })
  .task('Charge', lambda.invoke(charge, (s) => ({ id: s.id }), { result: Charge }), { resultPath: 'charge' })
  .succeed('Done');

describe('result schemas on integrations', () => {
  it('accepts mock results the schema accepts (the payload, or the whole Lambda response)', async () => {
    const ok = await run(flow, { id: 'o-1' }, { mocks: mocksFor(flow)({ Charge: () => ({ chargeId: 'ch_1', amount: 5 }) }) });
    expect(ok.status).toBe('SUCCEEDED');
    const whole = await run(flow, { id: 'o-1' }, { mocks: { Charge: () => ({ Payload: { chargeId: 'ch_2', amount: 1 }, StatusCode: 200 }) } as never });
    expect(whole.status).toBe('SUCCEEDED');
  });

  it('rejects a mock result that fails the schema, naming the workflow, the state and each field', async () => {
    const failing = run(flow, { id: 'o-1' }, { mocks: { Charge: () => ({ chargeId: 'x_1', amount: -1 }) } as never });
    await expect(failing).rejects.toBeInstanceOf(MockResultSchemaError);
    await expect(run(flow, { id: 'o-1' }, { mocks: { Charge: () => ({ chargeId: 'x_1', amount: -1 }) } as never })).rejects.toMatchObject({
      workflow: 'Checkout',
      state: 'Charge',
      issues: [
        { path: 'Payload.chargeId', message: expect.stringContaining('ch_') },
        { path: 'Payload.amount', message: expect.any(String) },
      ],
    });
    await expect(run(flow, { id: 'o-1' }, { mocks: { Charge: () => ({ chargeId: 7 }) } as never })).rejects.toThrow(
      /The mock of Task 'Charge' in workflow 'Checkout' returned a result its result schema rejects:\n {2}- Payload\.chargeId: /,
    );
  });

  it('checks a .sync job’s output and any integration given withResultSchema', async () => {
    const Child = z.object({ Output: z.object({ ok: z.boolean() }) });
    const nested = workflow('Nested', { input: Order })
      .task('Child', withResultSchema(stepFunctions.startExecution.sync2({ StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:C', Input: {} }), Child))
      .succeed('Done');
    expect((await run(nested, { id: 'o' }, { mocks: { Child: () => syncJob({ output: { Output: { ok: true } } }) } as never })).status).toBe('SUCCEEDED');
    await expect(run(nested, { id: 'o' }, { mocks: { Child: () => syncJob({ output: { Output: { ok: 'yes' } } }) } as never })).rejects.toThrow("- result.Output.ok:");
  });

  it('keeps the ASL unchanged and exposes the schemas by state name', () => {
    const plain = workflow('Checkout', { input: Order }).task('Charge', lambda.invoke(charge, (s) => ({ id: s.id })), { resultPath: 'charge' }).succeed('Done');
    expect(compileWorkflow(flow).definition).toEqual(compileWorkflow(plain).definition);
    expect(resultSchemasOf(flow).get('Charge')).toEqual({ schema: Charge, of: 'Payload' });
    expect(resultSchemasOf(plain).size).toBe(0);
  });
});
