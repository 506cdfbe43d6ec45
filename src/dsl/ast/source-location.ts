/**
 * Where the user's builder call is (`workflows/order.ts:12`), recorded on every AST node so that
 * compile errors can point at the line to fix. `'<unknown>'` when no stack frame outside the DSL
 * could be found (e.g. a bundled build without source maps).
 */
export type SourceLocation = string;

export const UNKNOWN_SOURCE: SourceLocation = '<unknown>';
