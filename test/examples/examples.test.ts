import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StateMachineDefinition } from '../../src/asl/types';
import { validateDefinition } from '../../src/asl/validate/index';
import { defaultToolchain, formatBuildReport, runBuild } from '../../src/build/index';
import { compileWorkflow } from '../../src/compiler/index';
import { isWorkflow } from '../../src/dsl/index';
import { aslValidator } from '../support/asl-validator';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKFLOWS_DIR = path.join(REPO_ROOT, 'workflows');
const GENERATED_DIR = path.join(REPO_ROOT, 'generated');
const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));


const goldenNames = readdirSync(GOLDEN_DIR)
  .filter((file) => file.endsWith('.asl.json'))
  .map((file) => file.slice(0, -'.asl.json'.length))
  .sort();
const generatedAslFiles = readdirSync(GENERATED_DIR)
  .filter((file) => file.endsWith('.asl.json'))
  .sort();

/** Every workflow exported by workflows/*.ts, compiled, by name. */
const compiled = new Map<string, ReturnType<typeof compileWorkflow>>();
beforeAll(async () => {
  const modules = readdirSync(WORKFLOWS_DIR)
    .filter((file) => file.endsWith('.ts'))
    .sort();
  for (const file of modules) {
    const exports = (await import(path.join(WORKFLOWS_DIR, file))) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (!isWorkflow(value)) continue;
      const result = compileWorkflow(value);
      compiled.set(result.name, result);
    }
  }
});

function golden(name: string): StateMachineDefinition {
  return JSON.parse(readFileSync(path.join(GOLDEN_DIR, `${name}.asl.json`), 'utf8')) as StateMachineDefinition;
}

describe('the example workflows', () => {
  it("include the issue's examples, each with a golden file, and nothing without one", () => {
    expect(goldenNames).toEqual(
      expect.arrayContaining([
        'AppDownload',
        'BatchJobNotify',
        'CallbackExample',
        'ContentBrowse',
        'LotteryDraw',
        'OrderPipeline',
      ]),
    );
    expect([...compiled.keys()].sort()).toEqual(goldenNames);
  });

  it.each(goldenNames)('%s compiles to its golden ASL', (name) => {
    const result = compiled.get(name);
    expect(result, `no workflow named ${name} in workflows/`).toBeDefined();
    expect(result!.definition).toEqual(golden(name));
    expect(result!.stateMachineType).toBe('STANDARD');
  });
});

describe('generated/', () => {
  it('is up to date with workflows/ (run `npm run build` when this fails)', async () => {
    const result = await runBuild({ cwd: REPO_ROOT, check: true, typeCheck: false }, defaultToolchain());
    expect(result.upToDate, formatBuildReport(result)).toBe(true);
  });

  it('holds an ASL and an IAM file per example', () => {
    const files = readdirSync(GENERATED_DIR).sort();
    for (const name of goldenNames) {
      expect(files).toContain(`${name}.asl.json`);
      expect(files).toContain(`${name}.iam.json`);
    }
  });

  it.each(generatedAslFiles)('%s is valid for asl-validator', (file) => {
    const definition: unknown = JSON.parse(readFileSync(path.join(GENERATED_DIR, file), 'utf8'));
    // asl-validator fills in QueryLanguage on the object it is given, so it gets a copy.
    const result = aslValidator(structuredClone(definition));
    expect(result.isValid, result.isValid ? '' : result.errorsText('\n')).toBe(true);
  });

  it.each(generatedAslFiles)('%s is valid for our validator (no errors, no warnings)', (file) => {
    const definition: unknown = JSON.parse(readFileSync(path.join(GENERATED_DIR, file), 'utf8'));
    expect(validateDefinition(definition)).toEqual([]);
  });

  it.each(generatedAslFiles)('%s is formatted deterministically (prettier JSON, trailing newline)', (file) => {
    const text = readFileSync(path.join(GENERATED_DIR, file), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(golden(file.slice(0, -'.asl.json'.length)));
  });
});

describe('generated/<Name>.iam.json of the examples', () => {
  /** Action → resources granted to the execution role, from a generated IAM file. */
  function grants(name: string): Map<string, string[]> {
    const report = JSON.parse(readFileSync(path.join(GENERATED_DIR, `${name}.iam.json`), 'utf8')) as {
      policy: { Statement: { Effect: string; Action: string[]; Resource: string[] }[] };
    };
    const byAction = new Map<string, string[]>();
    for (const statement of report.policy.Statement) {
      if (statement.Effect !== 'Allow') continue;
      for (const action of statement.Action)
        byAction.set(action, [...(byAction.get(action) ?? []), ...statement.Resource].sort());
    }
    return byAction;
  }
  const account = 'us-east-1:123456789012';

  it('LotteryDraw may invoke its four functions and publish to its topic', () => {
    const lottery = grants('LotteryDraw');
    const functions = ['InputWinners', 'RandomSelectWinners', 'RecordWinners', 'ValidateWinners'].map(
      (name) => `arn:aws:lambda:${account}:function:Lottery-${name}`,
    );
    expect(lottery.get('lambda:InvokeFunction')).toEqual(expect.arrayContaining(functions));
    expect(lottery.get('sns:Publish')).toEqual([`arn:aws:sns:${account}:Lottery-Notification`]);
  });

  it('CallbackExample may send to its queue and publish to its topic', () => {
    const callback = grants('CallbackExample');
    expect(callback.get('sqs:SendMessage')).toEqual([`arn:aws:sqs:${account}:CallbackQueue`]);
    expect(callback.get('sns:Publish')).toEqual([`arn:aws:sns:${account}:CallbackNotifications`]);
  });

  it('BatchJobNotify may submit its job and follow it (.sync)', () => {
    const batchJob = grants('BatchJobNotify');
    expect(batchJob.get('batch:SubmitJob')).toEqual([
      `arn:aws:batch:${account}:job-definition/BatchJobDefinition:1`,
      `arn:aws:batch:${account}:job-queue/BatchJobQueue`,
    ]);
    expect(batchJob.has('batch:DescribeJobs')).toBe(true);
    expect(batchJob.get('events:PutRule')).toEqual([`arn:aws:events:${account}:rule/StepFunctionsGetEventsForBatchJobsRule`]);
  });

  it('the age-check workflows leave the activity to its workers (the execution role needs nothing for it)', () => {
    expect([...grants('ContentBrowse').keys()]).toEqual([]);
    expect([...grants('AppDownload').keys()]).toEqual(['lambda:InvokeFunction']);
  });
});
