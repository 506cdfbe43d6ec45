import { parseArn } from '../arn';
import type { IntegrationRule, RuleInput } from '../integration-rule';
import { payloadField, payloadPath } from '../payload-field';
import type { PermissionNeed, ResourceRef } from '../permission-need';
import { resolveResources } from '../resolve-resource';

const MODEL_ID = /^[A-Za-z0-9._:-]+$/;

/**
 * `bedrock:invokeModel`: `bedrock:InvokeModel` on the model (`ModelId` is a foundation model id or
 * a model/profile ARN); a request read from or a response written to S3 (`Input.S3Uri`,
 * `Output.S3Uri`) needs `s3:GetObject` / `s3:PutObject` on that object.
 */
export const bedrockRule: IntegrationRule = {
  service: 'bedrock',
  handles: ['invokeModel'],
  permissions(input) {
    const models = resolveResources(input, payloadField(input.payload, 'ModelId'), {
      noun: 'model',
      toResources: (value) => {
        const arn = parseArn(value);
        if (arn) return arn.service === 'bedrock' ? [{ arn: value, label: arn.resource.split('/').pop() }] : undefined;
        if (!MODEL_ID.test(value)) return undefined;
        return [{ arn: `arn:${input.arns.partition}:bedrock:${input.arns.region()}::foundation-model/${value}`, label: value }];
      },
    });
    const needs: PermissionNeed[] = [{ sid: 'BedrockInvokeModel', actions: ['bedrock:InvokeModel'], resources: models }];
    const read = s3Object(input, ['Input', 'S3Uri']);
    if (read) needs.push({ sid: 'S3GetObjectModelInput', actions: ['s3:GetObject'], resources: read });
    const written = s3Object(input, ['Output', 'S3Uri']);
    if (written) needs.push({ sid: 'S3PutObjectModelOutput', actions: ['s3:PutObject'], resources: written });
    return needs;
  },
};

function s3Object(input: RuleInput, path: string[]): ResourceRef[] | undefined {
  const field = payloadPath(input.payload, path);
  if (field.kind === 'absent') return undefined;
  return resolveResources(input, field, {
    noun: 'S3 URI',
    toResources: (value) => {
      const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(value);
      return match ? [{ arn: `arn:${input.arns.partition}:s3:::${match[1]}/${match[2]}`, label: match[1] }] : undefined;
    },
  });
}
