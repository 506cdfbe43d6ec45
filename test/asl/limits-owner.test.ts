import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/asl/limits';

// One owner per AWS limit: src/asl/limits.ts. These numbers are AWS's and nothing else's, so any
// other source file that types one has re-stated a limit instead of reading LIMITS.
const ROOT = join(import.meta.dirname, '../..');
const OWNER = 'src/asl/limits.ts';
const AWS_ONLY_NUMBERS = [/\b99_?999_?999\b/, /\b262_?144\b/, /\b31_?622_?400\b/, /\b31_?536_?000\b/, /\b1_?048_?576\b/, /\b32_?768\b/, /\b25_?000\b/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('AWS limits have one owner', () => {
  it('no source file but src/asl/limits.ts types an AWS-only limit', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const path = relative(ROOT, file);
      if (path === OWNER) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          // Comments may cite the numbers; code must read LIMITS.
          const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
          if (AWS_ONLY_NUMBERS.some((n) => n.test(code))) offenders.push(`${path}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('states the limits AWS documents (asl-reference §10)', () => {
    expect(LIMITS).toMatchObject({
      maxSeconds: 99_999_999,
      payloadBytes: 256 * 1024,
      definitionBytes: 1024 * 1024,
      variablesBytes: 10 * 1024 * 1024,
      historyEvents: 25_000,
      executionSeconds: { STANDARD: 365 * 24 * 3600, EXPRESS: 5 * 60 },
      nameLength: 80,
      mapLabelLength: 40,
      activityPollSeconds: 60,
      api: { errorLength: 256, causeLength: 32_768, taskTokenLength: 2048 },
    });
  });
});
