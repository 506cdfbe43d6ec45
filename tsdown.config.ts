/**
 * The library build (`npm run build:lib`, run by `prepack`): bundles `src/` into `dist/` as ESM
 * with bundled `.d.ts`, one entry per public subpath.
 *
 * The entry list is not written here: it is read from package.json, the one place that says what
 * users can import. Rule: the subpath `statecraft/X` is `src/X/index.ts` (the root is
 * `src/index.ts`), built to `dist/X/index.js` + `dist/X/index.d.ts`; the `bin` is built the same
 * way from `src/cli/main.ts`. Everything those entries reach (static or `await import('./…')`,
 * e.g. the CLI's lazily loaded commands) is bundled into shared chunks, so a new folder in `src/`
 * ships as soon as an entry reaches it.
 *
 * Why bundle rather than `tsc`: `src/` uses extensionless relative imports (moduleResolution
 * Bundler), which Node's ESM loader cannot resolve; a bundler emits resolvable files and one
 * `.d.ts` per entry (so no internal module path leaks into users' editors).
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsdown';

interface PackageJson {
  exports: Record<string, { types: string; import: string }>;
  bin: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as PackageJson;

/** `./dist/interpreter/index.js` → [`interpreter/index`, `src/interpreter/index.ts`]. */
function entryFor(distFile: string): [string, string] {
  const match = /^\.\/dist\/(.+)\.js$/.exec(distFile);
  if (!match) throw new Error(`package.json points at ${distFile}; public files must be ./dist/<path>.js`);
  return [match[1]!, `src/${match[1]}.ts`];
}

const libraryEntries = Object.fromEntries(Object.values(pkg.exports).map((target) => entryFor(target.import)));
const binEntries = Object.fromEntries(Object.values(pkg.bin).map((file) => entryFor(`./${file.replace(/^\.\//, '')}`)));

export default defineConfig({
  entry: { ...libraryEntries, ...binEntries },
  outDir: 'dist',
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  fixedExtension: false,
  // Users' own copies of every dependency are used (nothing from node_modules is inlined):
  // package.json `dependencies`/`peerDependencies` must list each one the built code imports.
  deps: { skipNodeModulesBundle: true },
  dts: { tsconfig: 'tsconfig.lib.json' },
  report: false,
});
