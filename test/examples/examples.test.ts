import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StateMachineDefinition } from '../../src/asl/types';
import { validateDefinition } from '../../src/asl/validate/index';
import { defaultToolchain } from '../../src/build/index';
import { loadFormatCache } from '../../src/build/format-cache';
import type { LoadedWorkflow } from '../../src/build/load-workflows';
import { compileWorkflows, renderOutputs } from '../../src/build/render-outputs';
import { compileWorkflow } from '../../src/compiler/index';
import { isWorkflow, type Workflow } from '../../src/dsl/index';
import { aslValidator } from '../support/asl-validator';
import { SHIPPED_EXAMPLES } from './shipped-examples';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKFLOWS_DIR = path.join(REPO_ROOT, 'workflows');
const GENERATED_DIR = path.join(REPO_ROOT, 'generated');
const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));

const exampleNames = SHIPPED_EXAMPLES.map((example) => example.name);
const exampleModules = [...new Set(SHIPPED_EXAMPLES.map((example) => path.join(WORKFLOWS_DIR, example.module)))].sort();
const goldenNames = readdirSync(GOLDEN_DIR)
  .filter((file) => file.endsWith('.asl.json'))
  .map((file) => file.slice(0, -'.asl.json'.length))
  .sort();

/** The shipped examples, imported from their modules (only those: users' own workflows are not read). */
const loaded: LoadedWorkflow<Workflow>[] = [];
/** The shipped examples, compiled, by name. */
const compiled = new Map<string, ReturnType<typeof compileWorkflow>>();
beforeAll(async () => {
  for (const example of SHIPPED_EXAMPLES) {
    const exports = (await import(path.join(WORKFLOWS_DIR, example.module))) as Record<string, unknown>;
    const value = exports[example.exportName];
    if (!isWorkflow(value)) throw new Error(`workflows/${example.module} no longer exports the workflow '${example.exportName}' (test/examples/shipped-examples.ts)`);
    loaded.push({ workflow: value, origin: { file: path.join('workflows', example.module), exportName: example.exportName } });
    compiled.set(example.name, compileWorkflow(value));
  }
});

function golden(name: string): StateMachineDefinition {
  return JSON.parse(readFileSync(path.join(GOLDEN_DIR, `${name}.asl.json`), 'utf8')) as StateMachineDefinition;
}

describe('the example workflows', () => {
  it('are the shipped examples (test/examples/shipped-examples.ts), each with a golden file and its name', () => {
    expect(goldenNames).toEqual([...exampleNames].sort());
    expect([...compiled.keys()]).toEqual(exampleNames);
  });

  it.each(exampleNames)('%s compiles to its golden ASL', (name) => {
    const result = compiled.get(name);
    expect(result, `no workflow named ${name} in workflows/`).toBeDefined();
    expect(result!.definition).toEqual(golden(name));
    expect(result!.stateMachineType).toBe('STANDARD');
  });
});

describe('generated/', () => {
  it("holds the examples' files as `npm run build` writes them (run it when this fails)", async () => {
    // The build's own steps, over the shipped examples only: a user's workflow (built or not) is not compared.
    const { compiled: examples, problems } = compileWorkflows(loaded, defaultToolchain());
    expect(problems).toEqual([]);
    const formatCache = await loadFormatCache(REPO_ROOT);
    const files = await renderOutputs(examples, defaultToolchain(), formatCache);
    await formatCache.save();
    expect(files.length).toBeGreaterThanOrEqual(exampleNames.length * 2);
    const stale = files.filter((file) => {
      const target = path.join(GENERATED_DIR, file.fileName);
      return !existsSync(target) || readFileSync(target, 'utf8') !== file.content;
    });
    expect(stale.map((file) => `generated/${file.fileName}`), "stale or missing: run 'npm run build'").toEqual([]);
  });

  it.each(exampleNames)('%s has an ASL and an IAM file', (name) => {
    const files = readdirSync(GENERATED_DIR);
    expect(files).toContain(`${name}.asl.json`);
    expect(files).toContain(`${name}.iam.json`);
  });

  it.each(exampleNames)('generated/%s.asl.json is valid for asl-validator', (name) => {
    const definition: unknown = JSON.parse(readFileSync(path.join(GENERATED_DIR, `${name}.asl.json`), 'utf8'));
    // asl-validator fills in QueryLanguage on the object it is given, so it gets a copy.
    const result = aslValidator(structuredClone(definition));
    expect(result.isValid, result.isValid ? '' : result.errorsText('\n')).toBe(true);
  });

  it.each(exampleNames)('generated/%s.asl.json is valid for our validator (no errors, no warnings)', (name) => {
    const definition: unknown = JSON.parse(readFileSync(path.join(GENERATED_DIR, `${name}.asl.json`), 'utf8'));
    expect(validateDefinition(definition)).toEqual([]);
  });

  it.each(exampleNames)('generated/%s.asl.json is formatted deterministically (prettier JSON, trailing newline)', (name) => {
    const text = readFileSync(path.join(GENERATED_DIR, `${name}.asl.json`), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(golden(name));
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
