/**
 * The IAM report as a file: prettier's JSON style, like the ASL files, so both diff the same way.
 * The report is plain data, so the text depends only on it (byte-identical for the same input).
 */
export async function formatIamFile(report: unknown): Promise<string> {
  const { format } = await import('prettier');
  return format(JSON.stringify(report), { parser: 'json' });
}
