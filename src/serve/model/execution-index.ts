import type { ExecutionMeta } from '../durability/execution-journal';
import { ApiError } from '../protocol/api-error';
import { parseStatesArn } from './arns';
import type { ExecutionView } from './finished-execution';
import { LIMITS } from '../../asl/limits';

/** One execution the server started (or recovered from its journal), with what the API reports beside the interpreter's view. */
export interface ExecutionRecord extends ExecutionMeta {
  execution: ExecutionView;
  /** Start order, for AWS's newest-first listing. */
  sequence: number;
}

/** Executions by ARN, listed newest first per machine, as ListExecutions does. */
export class ExecutionIndex {
  private readonly byArn = new Map<string, ExecutionRecord>();
  private sequence = 0;

  add(record: Omit<ExecutionRecord, 'sequence'>): ExecutionRecord {
    const full = { ...record, sequence: this.sequence++ };
    this.byArn.set(record.execution.executionArn, full);
    return full;
  }

  /** Puts `execution` in the place of the record's (a redrive: same ARN, same place in listings). */
  replace(record: ExecutionRecord, execution: ExecutionView): ExecutionRecord {
    const replaced = { ...record, execution };
    this.byArn.set(record.execution.executionArn, replaced);
    return replaced;
  }

  find(arn: string): ExecutionRecord | undefined {
    return this.byArn.get(arn);
  }

  get(arn: string): ExecutionRecord {
    parseStatesArn(arn, ['execution', 'express']);
    const record = this.byArn.get(arn);
    if (!record) throw new ApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return record;
  }

  all(): ExecutionRecord[] {
    return [...this.byArn.values()];
  }

  /** Newest first; `filter` keeps some. */
  list(filter: (record: ExecutionRecord) => boolean): ExecutionRecord[] {
    return this.all()
      .filter(filter)
      .sort((a, b) => b.sequence - a.sequence);
  }

  running(): ExecutionRecord[] {
    return this.all().filter((r) => r.execution.status === 'RUNNING');
  }

  /** Forgets every execution of a deleted machine (AWS stops them and they disappear from listings). */
  removeMachine(stateMachineArn: string): void {
    for (const [arn, record] of this.byArn) if (record.stateMachineArn === stateMachineArn) this.byArn.delete(arn);
  }
}

/** `nextToken` paging over a list, the token being an opaque base64 offset (AWS's tokens are opaque too). */
export function paginate<T>(items: T[], maxResults: number | undefined, nextToken: string | undefined, defaultPage: number = LIMITS.api.defaultPageSize): { page: T[]; nextToken?: string } {
  const start = nextToken === undefined ? 0 : decodeToken(nextToken);
  const size = maxResults === undefined || maxResults === 0 ? defaultPage : maxResults;
  const page = items.slice(start, start + size);
  const end = start + page.length;
  return end < items.length ? { page, nextToken: Buffer.from(`statecraft:${end}`).toString('base64') } : { page };
}

function decodeToken(token: string): number {
  const text = Buffer.from(token, 'base64').toString('utf8');
  const match = /^statecraft:(\d+)$/.exec(text);
  if (!match) throw new ApiError('InvalidToken', `Invalid Token: '${token}'`);
  return Number(match[1]);
}
