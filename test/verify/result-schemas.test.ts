import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Json } from '../../src/asl/types';
import { run as verifyCli } from '../../src/cli/commands/verify';
import { compileWorkflow } from '../../src/compiler/index';
import { eq, gt, lambda, lambdaFunction, stepFunctions, withResultSchema, workflow } from '../../src/dsl/index';
import { verifyEquivalence } from '../../src/verify/index';
import { generatedScenarios } from '../../src/verify/verify-equivalence';
import type { Scenario } from '../../src/verify/types';
import { approval, Review } from './fixtures/review-approval';
import { fixture } from './helpers';

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';

/** Each successful result the scenarios give `resource` (a `.sync` job's output included). */
function resultsOf(scenarios: Scenario[], resource: string): Json[] {
  return scenarios.flatMap((s) => s.answers.filter((a) => a.resource === resource)).flatMap((a) => ('result' in a ? [a.result] : 'job' in a && a.job.output !== undefined ? [a.job.output] : []));
}

describe('verify draws task results from result schemas', () => {
  for (const jsonata of [false, true]) {
    const how = jsonata ? 'in a JSONata condition' : 'with a variable';
    it(`finds a change only a schema value reaches (the Choice compares the status ${how})`, async () => {
      const found = await verifyEquivalence(approval({ jsonata }), approval({ jsonata, decision: 'declined' }));
      expect(found.equivalent).toBe(false);
      expect(found.difference!.description).toContain('"decision":"declined"');
      // The (shrunk) counterexample is a review the service could return: REJECTED, valid for the schema.
      const review = found.difference!.scenario.answers.find((a) => a.resource === LAMBDA_INVOKE);
      expect(review && 'result' in review && Review.safeParse(review.result).success).toBe(true);
      expect(review && 'result' in review && (review.result as { status: string }).status).toBe('REJECTED');

      // Without the schema the literal is invisible: the REJECTED branch is never reached, the change never seen.
      const blind = await verifyEquivalence(approval({ jsonata, schema: false }), approval({ jsonata, schema: false, decision: 'declined' }));
      expect(blind.equivalent).toBe(true);
      expect(blind.coverage.before.uncovered.some((u) => u.startsWith("Choice rule #1 of 'Decide'"))).toBe(true);
      expect(blind.coverage.before.states.covered).toBeLessThan(blind.coverage.before.states.total);
    });
  }

  it('uses the schema when only one side is a workflow, and from the CLI (`statecraft verify x.asl.json workflows/x.ts#flow`)', async () => {
    const committed = compileWorkflow(approval({ schema: false })).definition;
    const report = await verifyEquivalence(committed, approval({ decision: 'declined' }));
    expect(report.difference?.description).toContain('"decision":"declined"');

    const dir = mkdtempSync(join(tmpdir(), 'statecraft-verify-schemas-'));
    const before = join(dir, 'ReviewApproval.asl.json');
    writeFileSync(before, JSON.stringify(committed));
    const out = { stdout: '', stderr: '' };
    const io = { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) };
    expect(await verifyCli([before, `${fixture('review-approval.ts')}#approvalChanged`], io)).toBe(1);
    expect(out.stdout).toContain('"decision":"declined"');
    expect(out.stdout).toContain('"status":"REJECTED"');
    // The same change given as ASL (no schema) stays hidden.
    const changedAsl = join(dir, 'ReviewApproval-changed.asl.json');
    writeFileSync(changedAsl, JSON.stringify(compileWorkflow(approval({ decision: 'declined' })).definition));
    expect(await verifyCli([before, changedAsl, '--explore', '300'], io)).toBe(0);
  });
});

describe('every generated result fits its state’s schema', () => {
  const Score = z.object({
    score: z.int().min(0).max(100),
    grade: z.enum(['A', 'B', 'C']),
    tags: z.array(z.string().startsWith('t_')).max(3),
    at: z.iso.datetime(),
    note: z.string().nullable().optional(),
    method: z.discriminatedUnion('type', [z.object({ type: z.literal('card'), last4: z.string().length(4) }), z.object({ type: z.literal('bank'), iban: z.string().min(5) })]),
  });
  const Charge = z.object({ chargeId: z.string().startsWith('ch_'), amount: z.number().positive() });
  const Child = z.object({ Output: z.object({ ok: z.boolean() }) });
  const Lookup = z.object({ found: z.boolean(), count: z.int().nonnegative(), tier: z.string() });
  const scoreFn = lambdaFunction<{ id: string }, unknown>()('arn:aws:lambda:us-east-1:123456789012:function:score');
  const chargeFn = lambdaFunction<{ id: string }, unknown>()('arn:aws:lambda:us-east-1:123456789012:function:charge');
  const lookupFn = lambdaFunction<{ id: string }, unknown>()('arn:aws:lambda:us-east-1:123456789012:function:lookup');
  const child = stepFunctions.startExecution.sync2({ StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Child', Input: {} });
  const flow = workflow('Shapes', { input: z.object({ id: z.string() }) })
    // Score and Charge share `lambda:invoke`: their results are answered by resource, so each must fit both.
    .task('Score', lambda.invoke(scoreFn, (s) => ({ id: s.id }), { result: Score }), { resultPath: 'score' })
    .task('Charge', lambda.invoke(chargeFn, (s) => ({ id: s.id }), { result: Charge }), { resultPath: 'charge' })
    .task('Child', withResultSchema(child, Child), { resultPath: 'child' })
    .task('Lookup', lambda.call(lookupFn, (s) => ({ id: s.id }), { result: Lookup }), { resultPath: 'lookup' })
    // Literals the definition compares with are used where they fit the schema ('VIP' for any string, 91 but not 90.5 for an int).
    .choice('Grade', (c) =>
      c
        .when((s) => eq(s.lookup.tier, 'VIP'), (b) => b.succeed('Vip'))
        .when((s) => gt(s.score.Payload.score, 90), (b) => b.succeed('Top'))
        .otherwise((b) => b.succeed('Rest')),
    );

  it('systematic, random and mutated scenarios: each result passes the schema(s) of its resource, and every enum value and union option occurs', async () => {
    const { scenarios, warnings } = await generatedScenarios(flow, flow, {}, 150);
    expect(warnings).toEqual([]);
    const invokes = resultsOf(scenarios, LAMBDA_INVOKE);
    const jobs = resultsOf(scenarios, 'arn:aws:states:::states:startExecution.sync:2');
    const lookups = resultsOf(scenarios, lookupFn.arn);
    for (const results of [invokes, jobs, lookups]) expect(results.length).toBeGreaterThan(100);
    for (const result of invokes) {
      expect(Score.safeParse(result).error?.issues).toBeUndefined();
      expect(Charge.safeParse(result).error?.issues).toBeUndefined();
    }
    for (const result of jobs) expect(Child.safeParse(result).error?.issues).toBeUndefined();
    for (const result of lookups) expect(Lookup.safeParse(result).error?.issues).toBeUndefined();

    const scores = invokes.map((r) => Score.parse(r));
    expect(new Set(scores.map((s) => s.grade))).toEqual(new Set(['A', 'B', 'C']));
    expect(new Set(scores.map((s) => s.method.type))).toEqual(new Set(['card', 'bank']));
    expect(scores.some((s) => s.note === undefined) && scores.some((s) => s.note === null) && scores.some((s) => typeof s.note === 'string')).toBe(true);
    expect(new Set(jobs.map((j) => Child.parse(j).Output.ok))).toEqual(new Set([true, false]));
    expect(new Set(lookups.map((l) => Lookup.parse(l).found))).toEqual(new Set([true, false]));
    expect(lookups.some((l) => Lookup.parse(l).tier === 'VIP')).toBe(true);
    expect(scores.some((s) => s.score === 90) && scores.some((s) => s.score === 91)).toBe(true);
  });

  it('a schema no drawn value passes (an impossible refinement) is named in a warning; that state’s results come from what the definitions read', async () => {
    const fn = lambdaFunction<{ id: string }, unknown>()('arn:aws:lambda:us-east-1:123456789012:function:never');
    const never = workflow('Never', { input: z.object({ id: z.string() }) })
      .task('Impossible', lambda.call(fn, (s) => ({ id: s.id }), { result: z.object({ id: z.string() }).refine(() => false, 'never valid') }), { resultPath: 'r' })
      .succeed('Done');
    const { scenarios, warnings } = await generatedScenarios(never, never, {}, 20);
    expect(warnings).toEqual([expect.stringContaining("the result schema of Task 'Impossible' (arn:aws:lambda:us-east-1:123456789012:function:never) accepted none of the values drawn")]);
    expect(resultsOf(scenarios, fn.arn).length).toBeGreaterThan(0);
  });

  it('schemas on one resource that contradict each other: each result fits one of them, and both occur', async () => {
    const A = z.strictObject({ a: z.string() });
    const B = z.object({ b: z.number() });
    const fa = lambdaFunction<{ id: string }, unknown>()('arn:aws:lambda:us-east-1:123456789012:function:a');
    const fb = lambdaFunction<{ id: string }, unknown>()('arn:aws:lambda:us-east-1:123456789012:function:b');
    const two = workflow('Two', { input: z.object({ id: z.string() }) })
      .task('A', lambda.invoke(fa, (s) => ({ id: s.id }), { result: A }), { resultPath: 'a' })
      .task('B', lambda.invoke(fb, (s) => ({ id: s.id }), { result: B }), { resultPath: 'b' })
      .succeed('Done');
    const results = resultsOf((await generatedScenarios(two, two, {}, 100)).scenarios, LAMBDA_INVOKE);
    for (const result of results) expect(A.safeParse(result).success || B.safeParse(result).success).toBe(true);
    expect(results.some((r) => A.safeParse(r).success)).toBe(true);
    expect(results.some((r) => B.safeParse(r).success)).toBe(true);
  });
});
