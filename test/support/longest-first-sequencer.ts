import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test-file time in ms measured on the 2-core machine (2026-12-04), for a clone that has no vitest
 * results cache yet (CI). Only the files that take seconds: their order decides when the suite ends.
 */
const MEASURED_MS: Readonly<Record<string, number>> = {
  'test/diagram/browser.test.ts': 29_000,
  'test/serve/aws-cli.test.ts': 25_000,
  'test/build/build.test.ts': 20_000,
  'test/build/cli.test.ts': 18_000,
  'test/verify/build-verify.test.ts': 16_000,
  'test/build/type-check.test.ts': 9_000,
  'test/import/type-check.test.ts': 8_500,
  'test/cli/run-workflow-checks.test.ts': 8_000,
  'test/dsl/mistakes.test.ts': 5_500,
  'test/serve/console.test.ts': 4_800,
  'test/diagram/verify-report.test.ts': 4_500,
  'test/conformance/conformance-runner.test.ts': 4_000,
  'test/asl/validate/cli.test.ts': 4_000,
  'test/import/round-trip.test.ts': 4_000,
  'test/hardening/bounded-evaluation.test.ts': 4_000,
};

/**
 * Starts the longest files first, so that the last file to finish is a short one and the workers
 * end together (a long file started last kept one worker busy alone for its whole run). A file's
 * length is its duration in vitest's results cache (the last run), else {@link MEASURED_MS}, else 0;
 * ties go to the larger file. Unlike vitest's default, a file without cached results does not
 * jump ahead of every long file.
 */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const weight = (spec: TestSpecification) => {
      const path = relative(config.root, spec.moduleId);
      const key = `${spec.project.name}:${path}`;
      return { ms: cache.getFileTestResults(key)?.duration ?? MEASURED_MS[path] ?? 0, size: cache.getFileStats(key)?.size ?? 0 };
    };
    const weights = new Map(files.map((spec) => [spec, weight(spec)]));
    return [...files].sort((a, b) => weights.get(b)!.ms - weights.get(a)!.ms || weights.get(b)!.size - weights.get(a)!.size);
  }
}
