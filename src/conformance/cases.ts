import { readFileSync } from 'node:fs';
import type { Json } from '../asl/types';

export interface TaskResultRecord {
  state: string;
  kind: 'lambda' | 'task' | 'activity';
  resource: string;
  parameters?: Json;
  outcome: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';
  output?: Json;
  error?: string;
  cause?: Json;
}

export interface ExecutionCase {
  id: string;
  feature: string;
  stateMachineType: 'STANDARD' | 'EXPRESS';
  definition: Json;
  input: Json;
  context: {
    executionArn: string;
    executionName: string;
    stateMachineArn: string;
    stateMachineName: string;
    roleArn: string;
    account: string;
    region: string;
    startTime: string;
  };
  taskResults: TaskResultRecord[] | null;
  s3Objects: Record<string, string> | null;
  expected: { status: string; output?: Json; error?: string; cause?: Json };
  ignore: string[];
  events: string[] | null;
}

export interface InvalidDefinitionCase {
  id: string;
  feature: string;
  definition: Json;
  stateMachineType?: 'STANDARD' | 'EXPRESS';
  expected: { error: string; message: string };
}

/** Reads a JSON Lines file; a malformed line is an error naming the file and line. */
export function readJsonLines<T>(file: string): T[] {
  const text = readFileSync(file, 'utf8');
  const rows: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      rows.push(JSON.parse(line) as T);
    } catch (error) {
      throw new Error(`${file}:${i + 1}: not valid JSON (${(error as Error).message})`);
    }
  });
  return rows;
}
