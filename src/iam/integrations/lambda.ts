import type { ArnContext } from '../arn-context';
import { parseArn } from '../arn';
import type { IntegrationRule } from '../integration-rule';
import type { ResourceRef } from '../permission-need';
import { resolveResources } from '../resolve-resource';
import { payloadField } from '../payload-field';

// FunctionName accepts a name, a partial ARN (`123456789012:function:name`) or a full ARN, each
// optionally qualified by a version or alias.
const PARTIAL_ARN = /^(\d{12}):function:([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?$/;
const NAME = /^([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?$/;

/**
 * The resources `lambda:InvokeFunction` needs for one function reference: an unqualified function
 * also covers its versions and aliases (`ARN:*`), since the caller may pass a `Qualifier`; a
 * qualified one is exactly that version or alias.
 */
export function lambdaFunctionResources(value: string, arns: ArnContext): ResourceRef[] | undefined {
  const parsed = parseFunctionReference(value, arns);
  if (!parsed) return undefined;
  const label = parsed.qualifier ? `${parsed.name}-${parsed.qualifier}` : parsed.name;
  if (parsed.qualifier) return [{ arn: `${parsed.arn}:${parsed.qualifier}`, label }];
  return [
    { arn: parsed.arn, label },
    { arn: `${parsed.arn}:*`, label },
  ];
}

function parseFunctionReference(
  value: string,
  arns: ArnContext,
): { arn: string; name: string; qualifier?: string } | undefined {
  const arn = parseArn(value);
  if (arn) {
    const match = /^function:([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?$/.exec(arn.resource);
    if (arn.service !== 'lambda' || !match) return undefined;
    const base = `arn:${arn.partition}:lambda:${arn.region}:${arn.account}:function:${match[1]}`;
    return { arn: base, name: match[1], qualifier: match[2] };
  }
  const partial = PARTIAL_ARN.exec(value);
  if (partial) {
    const base = `arn:${arns.partition}:lambda:${arns.region()}:${partial[1]}:function:${partial[2]}`;
    return { arn: base, name: partial[2], qualifier: partial[3] };
  }
  const name = NAME.exec(value);
  if (name) return { arn: arns.arn('lambda', `function:${name[1]}`), name: name[1], qualifier: name[2] };
  return undefined;
}

export const LAMBDA_INVOKE_SID = 'LambdaInvoke';

/** `arn:aws:states:::lambda:invoke` — the function comes from `FunctionName`. */
export const lambdaRule: IntegrationRule = {
  service: 'lambda',
  permissions(input) {
    const resources = resolveResources(input, payloadField(input.payload, 'FunctionName'), {
      noun: 'function',
      toResources: (value) => lambdaFunctionResources(value, input.arns),
    });
    return [{ sid: LAMBDA_INVOKE_SID, actions: ['lambda:InvokeFunction'], resources }];
  },
};
