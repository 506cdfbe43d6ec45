/**
 * SQS queue URLs → queue ARNs. The forms AWS hands out:
 * `https://sqs.<region>.amazonaws.com/<account>/<name>` (current),
 * `https://<region>.queue.amazonaws.com/<account>/<name>` (legacy),
 * `https://queue.amazonaws.com/<account>/<name>` (legacy us-east-1),
 * with `.amazonaws.com.cn` in China.
 */

export interface QueueUrl {
  partition: string;
  region: string;
  account: string;
  name: string;
}

const QUEUE_URL = /^https?:\/\/([a-z0-9.-]+)\.(amazonaws\.com(?:\.cn)?)\/(\d{12})\/([A-Za-z0-9_-]+(?:\.fifo)?)\/?$/;

export function parseQueueUrl(url: string): QueueUrl | undefined {
  const match = QUEUE_URL.exec(url);
  if (!match) return undefined;
  const [, host, domain, account, name] = match;
  const region = regionOfHost(host);
  if (!region) return undefined;
  const partition = domain.endsWith('.cn') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return { partition, region, account, name };
}

function regionOfHost(host: string): string | undefined {
  if (host === 'queue') return 'us-east-1';
  const current = /^sqs\.([a-z0-9-]+)$/.exec(host);
  if (current) return current[1];
  const legacy = /^([a-z0-9-]+)\.queue$/.exec(host);
  return legacy?.[1];
}

export function queueArn(queue: QueueUrl): string {
  return `arn:${queue.partition}:sqs:${queue.region}:${queue.account}:${queue.name}`;
}
