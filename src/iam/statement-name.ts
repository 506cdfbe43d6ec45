/**
 * Readable `Sid`s: the need's base name plus the short names of the resources
 * (`LambdaInvoke` + `charge-function` → `LambdaInvokeChargeFunction`). IAM allows only
 * alphanumerics in a `Sid`.
 */

const MAX_LABELS = 3;

export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export function statementSid(base: string, labels: readonly string[]): string {
  const names = [...new Set(labels.map(pascalCase).filter(Boolean))];
  const shown = names.length > MAX_LABELS ? [...names.slice(0, MAX_LABELS - 1), `And${names.length - (MAX_LABELS - 1)}More`] : names;
  return pascalCase(base) + shown.join('');
}

/** Short name of an ARN for a `Sid` when the rule gave none: its last name segment. */
export function labelOfArn(arn: string): string | undefined {
  if (arn === '*') return undefined;
  const trimmed = arn.replace(/[:/]\*$/, '').replace(/\*$/, '');
  const last = trimmed.split(/[:/]/).filter(Boolean).pop();
  return last && last !== '*' ? last : undefined;
}

/** Makes `Sid`s unique in a policy by numbering repeats (`X`, `X2`, `X3`). */
export function uniqueSids(sids: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return sids.map((sid) => {
    const count = (seen.get(sid) ?? 0) + 1;
    seen.set(sid, count);
    return count === 1 ? sid : `${sid}${count}`;
  });
}
