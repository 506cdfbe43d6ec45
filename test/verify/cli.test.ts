import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/verify';
import { Interpreter } from '../../src/interpreter';
import { example, fixture, readAsl, REPO } from './helpers';
import { plantChange, renameStates } from './planted-changes';

const dir = mkdtempSync(join(tmpdir(), 'statecraft-verify-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
};

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) } };
}

const approval = readAsl(fixture('approval-jsonpath.asl.json'));
const before = file('Approval.asl.json', approval);
const renamed = file('Approval-renamed.asl.json', renameStates(approval));
const changed = file('Approval-changed.asl.json', plantChange({ name: 'a', definition: approval, type: 'STANDARD' }, 'task-parameter-literal')!.definition);

describe('statecraft verify', () => {
  it('exit 0 and one line when behaviour is unchanged', async () => {
    const { out, io } = capture();
    expect(await run([before, renamed], io)).toBe(0);
    expect(out.stdout).toMatch(/^Approval-renamed: behaviour unchanged \(\d+ scenarios, 100% of transitions in both versions\)\n$/);
  });

  it('exit 1 with the counterexample as a scenario file and a vitest snippet', async () => {
    const { out, io } = capture();
    expect(await run([before, changed], io)).toBe(1);
    expect(out.stdout).toContain('behaviour CHANGED: call #1: before called arn:aws:states:::lambda:invoke with {"FunctionName":"Approve","Payload":{"amount":');
    expect(out.stdout).toContain('after called arn:aws:states:::lambda:invoke with {"FunctionName":"Approve-changed"');
    expect(out.stdout).toContain('Scenario (save it and pass it with --scenarios):');
    expect(out.stdout).toContain(`readFileSync(${JSON.stringify(before)}`);
    // The printed scenario, saved and passed back, shows the same difference.
    const scenario = out.stdout.slice(out.stdout.indexOf('{', out.stdout.indexOf('Scenario (')), out.stdout.indexOf('\nVitest:'));
    const saved = file('counterexample.json', scenario);
    const again = capture();
    expect(await run([before, changed, '--scenarios', saved, '--explore', '0'], again.io)).toBe(1);
    expect(again.out.stdout).toContain('found by: scenario');
  });

  it('--json prints the report', async () => {
    const { out, io } = capture();
    expect(await run([before, renamed, '--json', '--explore', '50', '--seed', '3'], io)).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report.equivalent).toBe(true);
    expect(report.coverage.before.transitions.total).toBeGreaterThan(0);
  });

  it('a workflow module and its committed ASL are the same behaviour', async () => {
    const { out, io } = capture();
    expect(await run([join(REPO, 'generated/LotteryDraw.asl.json'), `${join(REPO, 'workflows/lottery-draw.ts')}#lotteryDraw`, '--explore', '200'], io)).toBe(0);
    expect(out.stdout).toContain('LotteryDraw: behaviour unchanged');
  });

  it('--history: a recorded execution replayed against the new version', async () => {
    const lottery = example('LotteryDraw');
    const sfn = new Interpreter({ startTime: '2024-05-01T10:00:00Z' });
    const execution = sfn.createStateMachine(lottery).startExecution({}, { mocks: { 'Input Lottery Winners': () => ({ body: {} }), 'Random Select Winners': () => ({ body: {} }), 'Validate Winners': () => ({ status: 0, sns: 'hi', body: {} }), 'Notify Winners': () => ({}), 'Record Winner Queue': () => ({}) } });
    await execution.result;
    const history = file('history.json', { events: execution.history() });
    const ok = capture();
    expect(await run([join(REPO, 'generated/LotteryDraw.asl.json'), file('LotteryDraw.asl.json', renameStates(lottery)), '--history', history, '--explore', '0'], ok.io)).toBe(0);
    const other = capture();
    expect(await run([before, renamed, '--history', history, '--explore', '0'], other.io)).toBe(1);
    expect(other.out.stdout).toContain('the history is of another state machine');
  });

  it('--mocks: MockConfigFile test cases run on both versions', async () => {
    const mocks = file('MockConfigFile.json', {
      StateMachines: { Approval: { TestCases: { Declined: { 'Ask Approver': 'Declines' } } } },
      MockedResponses: { Declines: { '0': { Throw: { Error: 'Approval.Declined', Cause: 'no' } } } },
    });
    const ok = capture();
    expect(await run([before, renamed, '--mocks', mocks, '--explore', '0'], ok.io)).toBe(0);
    const bad = capture();
    expect(await run([before, changed, '--mocks', mocks, '--explore', '0'], bad.io)).toBe(1);
    expect(bad.out.stdout).toContain('found by: MockConfigFile test case Declined');
  });

  it('exit 2 for bad usage, naming the problem', async () => {
    const { out, io } = capture();
    expect(await run([before], io)).toBe(2);
    expect(out.stderr).toContain('give two versions, <before> and <after> (got 1)');
    const second = capture();
    expect(await run([before, renamed, '--explore', 'many'], second.io)).toBe(2);
    expect(second.out.stderr).toContain("--explore needs a whole number >= 0, got 'many'");
    const third = capture();
    expect(await run([before, join(dir, 'missing.asl.json')], third.io)).toBe(2);
    expect(third.out.stderr).toContain('after (');
  });

  it('exit 2 for an invalid definition, naming the side, the state and the field', async () => {
    const broken = structuredClone(approval) as unknown as { States: Record<string, Record<string, unknown>> };
    broken.States['Ask Approver'].Retry = [{ ErrorEquals: ['States.ALL'], MaxAttempts: -1 }];
    const { out, io } = capture();
    expect(await run([before, file('Broken.asl.json', broken)], io)).toBe(2);
    expect(out.stderr).toContain('the after version');
    expect(out.stderr).toContain("state 'Ask Approver'");
    expect(out.stderr).toMatch(/field (Retry|MaxAttempts)/);
  });
});
