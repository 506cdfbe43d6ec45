import { formatJson } from '../format/prettier';

/**
 * The IAM report as a file: prettier's JSON style, like the ASL files, so both diff the same way.
 * The report is plain data, so the text depends only on it (byte-identical for the same input).
 */
export async function formatIamFile(report: unknown): Promise<string> {
  return formatJson(JSON.stringify(report));
}
