/**
 * The one place Statecraft loads prettier: its standalone core with only the plugins a format
 * needs (JSON: babel's parser and the estree printer; TypeScript: the typescript parser and the
 * estree printer), the way prettier documents for a fixed set of languages.
 *
 * Why not `import('prettier')`: its full entry resolves plugins by path at first use, which costs
 * far more than the formatting. Measured on this repository's 2-core machine, loading plus the
 * first JSON format: 460 ms with the full entry under tsx (the repository's `npm run build`), 100 ms
 * in plain Node; with the standalone core and two plugins, 60 ms under either. The output is
 * prettier's: the same printer, so `generated/` is byte-identical (`npm run build -- --check`).
 * Only embedded languages differ (a css``/html``/gql`` template literal is left as written, the
 * full entry formats it); the importer's modules embed none (their one tag is `jsonata`).
 */
import type { Options } from 'prettier';

let jsonPlugins: Promise<Options['plugins']> | undefined;
let typeScriptPlugins: Promise<Options['plugins']> | undefined;

/**
 * `text` (JSON) in prettier's JSON style, with a trailing newline.
 *
 * @example
 * await formatJson(JSON.stringify(definition), 100);
 */
export async function formatJson(text: string, printWidth?: number): Promise<string> {
  jsonPlugins ??= Promise.all([import('prettier/plugins/babel'), import('prettier/plugins/estree')]);
  return format(text, { parser: 'json', printWidth, plugins: await jsonPlugins });
}

/**
 * TypeScript module source in prettier's style with the given options.
 *
 * @example
 * await formatTypeScript(source, { singleQuote: true, printWidth: 120 });
 */
export async function formatTypeScript(source: string, options: Pick<Options, 'singleQuote' | 'printWidth'>): Promise<string> {
  typeScriptPlugins ??= Promise.all([import('prettier/plugins/typescript'), import('prettier/plugins/estree')]);
  return format(source, { ...options, parser: 'typescript', plugins: await typeScriptPlugins });
}

async function format(text: string, options: Options): Promise<string> {
  const { format } = await import('prettier/standalone');
  return format(text, options);
}
