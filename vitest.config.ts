import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests and workflows/ import the package by name; in the repo that is the source of each
  // package.json export (`./dist/X.js` is built from `src/X.ts`; tsconfig.json `paths` says the same).
  resolve: { alias: packageSourceAliases() },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 30_000,
    pool: 'threads',
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
