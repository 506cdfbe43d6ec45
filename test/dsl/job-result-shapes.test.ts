import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JOB_RESULT_SHAPES_FILE, renderJobResultShapes } from '../../src/dsl/integrations/job-results/generate-job-result-shapes';

describe('.sync result types', () => {
  it('are generated from the API shapes TestState validates with (regenerate with the script named in the file)', () => {
    expect(readFileSync(JOB_RESULT_SHAPES_FILE, 'utf8')).toBe(renderJobResultShapes());
  });

  it('carry what Step Functions returns: PascalCase members, epoch-millisecond dates, map keys as data', () => {
    const text = renderJobResultShapes();
    expect(text).toMatch(/export interface BatchJobDetail \{\n[^}]*\n  JobId: string;/);
    expect(text).toMatch(/export interface EcsTask \{[^}]*\n  LastStatus\?: string;/);
    expect(text).toMatch(/export interface GlueJobRun \{[^}]*\n  StartedOn\?: number;[^}]*\n  Arguments\?: Record<string, string>;/);
    expect(text).toMatch(/export interface StepFunctionsExecutionDescription \{[^}]*\n  StartDate: number;/);
  });
});
