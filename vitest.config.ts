import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/support/longest-first-sequencer';

/** Test files that replace a module (`vi.mock`): they need their own module graph. */
const ISOLATED = ['test/interpreter/jsonata/parse-once.test.ts'];

export default defineConfig({
  // Tests and workflows/ import the package by name; in the repo that is the source of each
  // package.json export (`./dist/X.js` is built from `src/X.ts`; tsconfig.json `paths` says the same).
  resolve: { alias: packageSourceAliases() },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'tests',
          include: ['test/**/*.test.ts'],
          exclude: ISOLATED,
          // The files of a worker share one module graph: src/, zod, Ajv, jsonata… are loaded once per
          // worker instead of once per file (loading took longer than the tests themselves: the compiler
          // tests ran in 64 s isolated, 18 s shared). A file that needs fresh modules goes in ISOLATED.
          isolate: false,
          // tsc over the type tests and their imports only (the whole project is `npm run typecheck`).
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './test/support/tsconfig.type-tests.json' },
        },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true, poolOptions: { threads: { isolate: true } } } },
    ],
    testTimeout: 30_000,
    pool: 'threads',
    // The pool reads isolation from here, not from a project: without this every file got a fresh
    // worker thread and reloaded src/ (vitest 3.2; measured on 119 files: collect 96 s → 29 s,
    // prepare 41 s → 2 s). Each project's `isolate` still decides whether a worker resets its
    // modules between files; vitest gives each project its own workers.
    poolOptions: { threads: { isolate: false } },
    // vitest's default is one worker less than the cores: a single worker on a 2-core machine, and
    // the other core idle while that worker waits on a child process (tsc, tsx, the AWS CLI, Chromium).
    maxWorkers: availableParallelism(),
    sequence: { sequencer: LongestFirstSequencer },
    reporters: ['default', './test/plain-summary-reporter.ts'],
  },
});

function packageSourceAliases() {
  const { name, exports } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
    name: string;
    exports: Record<string, { import: string }>;
  };
  return Object.entries(exports).map(([subpath, target]) => ({
    find: new RegExp(`^${(name + subpath.slice(1)).replace(/[/.]/g, '\\$&')}$`),
    replacement: fileURLToPath(new URL(target.import.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts'), import.meta.url)),
  }));
}
