/**
 * `npx tsx test/package/public-api.ts`: for each package.json export, the public names its built
 * `.d.ts` declares, and those without a TSDoc comment. Run after `npm run build:lib`.
 * Prints `entry: N names` lines, then the undocumented names; exits 1 when any is undocumented
 * and `--strict` is given.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { exports: Record<string, { types: string }> };
const entries = Object.entries(pkg.exports).map(([subpath, target]) => [subpath, `${root}${target.types.slice(2)}`] as const);
const program = ts.createProgram(entries.map(([, file]) => file), { noEmit: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true });
const checker = program.getTypeChecker();
let undocumentedTotal = 0;
for (const [subpath, file] of entries) {
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) {
    console.log(`statecraft${subpath.slice(1)}: not built (${file})`);
    continue;
  }
  const names = checker.getExportsOfModule(moduleSymbol);
  const undocumented = names.filter((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return target.getDocumentationComment(checker).length === 0 && (target.getJsDocTags().length === 0);
  });
  undocumentedTotal += undocumented.length;
  console.log(`statecraft${subpath.slice(1)}: ${names.length} names, ${undocumented.length} without TSDoc${undocumented.length ? `: ${undocumented.map((s) => s.name).join(', ')}` : ''}`);
}
if (process.argv.includes('--strict') && undocumentedTotal > 0) process.exitCode = 1;
