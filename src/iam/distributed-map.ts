import type { ItemReader, MapState, ResultWriter } from '../asl/types';
import type { ArnContext } from './arn-context';
import { payloadField, payloadOf, type PayloadField } from './payload-field';
import type { OwnStateMachine } from './own-state-machine';
import type { PermissionNeed, ResourceRef } from './permission-need';
import { parseTaskResource } from '../asl/task-resource';
import type { IamCondition, IamWarning } from './types';

export interface MapInput {
  map: MapState;
  arns: ArnContext;
  own: () => OwnStateMachine;
  warn(warning: Omit<IamWarning, 'state'>): void;
  warnUnknownOwn(purpose: string): void;
}

/**
 * A Map state's needs: in distributed mode it starts child executions of this very state machine
 * (and describes/stops them); an `ItemReader` reads S3 (an object, or a listing of a bucket); a
 * `ResultWriter` writes the results under a prefix with multipart uploads.
 */
export function mapNeeds(input: MapInput): PermissionNeed[] {
  const needs: PermissionNeed[] = [];
  if (input.map.ItemProcessor?.ProcessorConfig?.Mode === 'DISTRIBUTED') needs.push(...distributedExecutionNeeds(input));
  if (input.map.ItemReader) needs.push(...itemReaderNeeds(input, input.map.ItemReader));
  if (input.map.ResultWriter?.Resource) needs.push(...resultWriterNeeds(input, input.map.ResultWriter));
  return needs;
}

function distributedExecutionNeeds(input: MapInput): PermissionNeed[] {
  const own = input.own();
  if (own.unknown) input.warnUnknownOwn('a distributed Map (states:StartExecution on its own state machine)');
  return [
    { sid: 'DistributedMapStartExecution', actions: ['states:StartExecution'], resources: [own.machine] },
    {
      sid: 'DistributedMapDescribeAndStopExecution',
      actions: ['states:DescribeExecution', 'states:StopExecution'],
      resources: own.executions,
    },
  ];
}

function itemReaderNeeds(input: MapInput, reader: ItemReader): PermissionNeed[] {
  const resource = typeof reader.Resource === 'string' ? parseTaskResource(reader.Resource) : undefined;
  const payload = payloadOf(reader, 'ItemReader.');
  const bucket = s3Bucket(input, payloadField(payload, 'Bucket'));
  if (resource?.kind === 'optimized' && resource.service === 's3' && resource.api === 'getObject') {
    if (reader.ReaderConfig?.InputType === 'MANIFEST') {
      input.warn({
        kind: 'note',
        field: 'ItemReader.ReaderConfig.InputType',
        message: 'a manifest lists other S3 objects; also allow s3:GetObject on the objects it lists.',
      });
    }
    const object = s3Key(input, bucket, payloadField(payload, 'Key'), 'object key');
    return [{ sid: 'S3GetObjectItemReader', actions: ['s3:GetObject'], resources: [object] }];
  }
  if (resource?.kind === 'optimized' && resource.service === 's3' && resource.api === 'listObjectsV2') {
    const need: PermissionNeed = {
      sid: 'S3ListBucketItemReader',
      actions: ['s3:ListBucket'],
      resources: [bucket ? { arn: `arn:${input.arns.partition}:s3:::${bucket}`, label: bucket } : { arn: '*' }],
    };
    const prefix = payloadField(payload, 'Prefix');
    if (bucket && prefix.kind === 'static' && typeof prefix.value === 'string') {
      const condition: IamCondition = { StringLike: { 's3:prefix': `${prefix.value}*` } };
      need.condition = condition;
    } else if (prefix.kind === 'dynamic') {
      input.warn({
        kind: 'dynamic-resource',
        field: prefix.label,
        message: `the prefix is computed at run time (${prefix.expression}), so s3:ListBucket is not limited by an s3:prefix condition.`,
      });
    }
    return [need];
  }
  input.warn({
    kind: 'unknown-resource',
    field: 'ItemReader.Resource',
    message: `no IAM rule for \`${String(reader.Resource)}\`; add the permission yourself.`,
  });
  return [];
}

function resultWriterNeeds(input: MapInput, writer: ResultWriter): PermissionNeed[] {
  const resource = parseTaskResource(writer.Resource ?? '');
  if (resource.kind !== 'optimized' || resource.service !== 's3' || resource.api !== 'putObject') {
    input.warn({
      kind: 'unknown-resource',
      field: 'ResultWriter.Resource',
      message: `no IAM rule for \`${String(writer.Resource)}\`; add the permission yourself.`,
    });
    return [];
  }
  const payload = payloadOf(writer, 'ResultWriter.');
  const bucket = s3Bucket(input, payloadField(payload, 'Bucket'));
  const objects = s3Key(input, bucket, payloadField(payload, 'Prefix'), 'prefix', '*');
  return [
    {
      sid: 'S3ResultWriter',
      actions: ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'],
      resources: [objects],
    },
  ];
}

function s3Bucket(input: MapInput, field: PayloadField): string | undefined {
  if (field.kind === 'static' && typeof field.value === 'string' && field.value !== '') return field.value;
  input.warn({
    kind: 'dynamic-resource',
    field: field.label,
    message:
      field.kind === 'dynamic'
        ? `the bucket is computed at run time (${field.expression}), so the S3 resource is "*"; narrow it to the buckets this can resolve to.`
        : 'no bucket is given, so the S3 resource is "*".',
  });
  return undefined;
}

/**
 * `bucket/key` for a static key (a prefix gets `suffix` = `*`); `bucket/*` with a warning when the
 * key is computed; `*` when the bucket is unknown.
 */
function s3Key(input: MapInput, bucket: string | undefined, field: PayloadField, noun: string, suffix = ''): ResourceRef {
  if (!bucket) return { arn: '*' };
  const base = `arn:${input.arns.partition}:s3:::${bucket}`;
  if (field.kind === 'static' && typeof field.value === 'string') return { arn: `${base}/${field.value}${suffix}`, label: bucket };
  if (field.kind === 'dynamic') {
    input.warn({
      kind: 'dynamic-resource',
      field: field.label,
      message: `the ${noun} is computed at run time (${field.expression}), so the resource is every object of ${bucket}; narrow it.`,
    });
  }
  return { arn: `${base}/*`, label: bucket };
}
