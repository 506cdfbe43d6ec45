/**
 * The mistake corpus (test/dsl/mistakes/): realistic user mistakes, one small module each, with a
 * header saying what the user got wrong and what catches it, and `// <- mistake` on the line to fix.
 * Issue 11: every mistake must be caught before anything runs, by `tsc` (one TypeScript program
 * over the corpus, an error at the marked line) or by `statecraft build` (its own load and compile
 * steps: a problem naming the file and the marked line). Cases marked "nothing yet" are the known
 * gaps: counted and reported, not asserted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultToolchain } from '../../src/build/index';
import { loadWorkflows } from '../../src/build/load-workflows';
import { compileWorkflows } from '../../src/build/render-outputs';
import { checkProgramInWorker } from '../../src/build/type-check-program';

const DIR = fileURLToPath(new URL('./mistakes/', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));

interface MistakeCase {
  name: string;
  file: string;
  mistake: string;
  caughtBy: 'tsc' | 'build' | 'gap';
  /** 1-based line of `// <- mistake`. */
  line: number;
}

const cases: MistakeCase[] = readdirSync(DIR)
  .filter((file) => file.endsWith('.ts') && !file.startsWith('_'))
  .sort()
  .map((file) => {
    const text = readFileSync(path.join(DIR, file), 'utf8');
    const lines = text.split('\n');
    const by = /^\/\/ Caught by: (\S+)/m.exec(text)?.[1];
    return {
      name: file.slice(0, -'.ts'.length),
      file: path.join(DIR, file),
      mistake: /^\/\/ Mistake: (.+)$/m.exec(text)?.[1] ?? '',
      caughtBy: by === 'tsc' || by === 'build' ? by : 'gap',
      line: lines.findIndex((line) => line.includes('// <- mistake')) + 1,
    };
  });

/** Error lines per case file, from one TypeScript program over the whole corpus (the project's tsconfig). */
const typeErrorLines = new Map<string, number[]>();
/** The build's problems per case file (import, then compile: what `statecraft build` reports). */
const buildProblems = new Map<string, string[]>();

beforeAll(async () => {
  // The build's type-checker (one worker per process, shared with the other test files of this
  // worker: TypeScript's lib, zod and the DSL are parsed once), on a worker thread while this one
  // loads and compiles the cases.
  const checked = checkProgramInWorker({
    typescript: createRequire(import.meta.url).resolve('typescript'),
    roots: cases.map((c) => c.file),
    tsConfig: TSCONFIG,
    defaultOptions: {},
    cwd: process.cwd(),
  });
  const toolchain = defaultToolchain();
  for (const c of cases) {
    const loaded = await loadWorkflows([c.file], toolchain.isWorkflow, process.cwd());
    const compiled = compileWorkflows(loaded.workflows, toolchain);
    buildProblems.set(c.name, [...loaded.problems, ...compiled.problems].map((problem) => problem.message));
  }
  const result = await checked;
  if (result.kind !== 'checked') throw new Error(`cannot read ${TSCONFIG}`);
  for (const c of cases) {
    typeErrorLines.set(
      c.name,
      result.diagnostics.filter((d) => d.file === c.file && d.line !== undefined).map((d) => d.line!),
    );
  }
}, 180_000);

const caughtByTsc = (c: MistakeCase) => typeErrorLines.get(c.name)!.includes(c.line);
const caughtByBuild = (c: MistakeCase) => buildProblems.get(c.name)!.some((message) => message.includes(`${path.basename(c.file)}:${c.line}`));

describe('the mistake corpus', () => {
  it('has at least 30 cases, each saying what the user got wrong, with its line marked', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const c of cases) {
      expect(c.mistake, `${c.name}: a '// Mistake: ...' header`).not.toBe('');
      expect(c.line, `${c.name}: a '// <- mistake' marker`).toBeGreaterThan(0);
    }
  });

  it.each(cases.filter((c) => c.caughtBy === 'tsc').map((c) => [c.name, c] as const))('%s: tsc reports an error at the marked line', (_name, c) => {
    expect(typeErrorLines.get(c.name), c.mistake).toContain(c.line);
  });

  it.each(cases.filter((c) => c.caughtBy === 'build').map((c) => [c.name, c] as const))(
    '%s: statecraft build reports it at the marked line, before anything runs',
    (_name, c) => {
      expect(buildProblems.get(c.name)!.join('\n'), c.mistake).toContain(`${path.basename(c.file)}:${c.line}`);
    },
  );

  it('catches every case but the known gaps (caught X of N)', () => {
    const caught = cases.filter((c) => caughtByTsc(c) || caughtByBuild(c));
    const gaps = cases.filter((c) => c.caughtBy === 'gap');
    console.log(
      `mistake corpus: caught ${caught.length} of ${cases.length} before anything runs ` +
        `(tsc ${cases.filter(caughtByTsc).length}, statecraft build ${cases.filter((c) => !caughtByTsc(c) && caughtByBuild(c)).length}); ` +
        `known gaps: ${gaps.map((c) => `${c.name}${caught.includes(c) ? ' (now caught: mark it)' : ''}`).join(', ') || 'none'}`,
    );
    // Every case not marked as a gap is caught; a gap that becomes caught only raises the count.
    expect(caught.length).toBeGreaterThanOrEqual(cases.length - gaps.length);
    expect(cases.length - gaps.length).toBe(40);
  });
});
