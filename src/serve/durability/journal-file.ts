import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/**
 * An append-only file of JSON records, one per line, each prefixed with its CRC-32 so a torn or
 * corrupted write is told apart from data: `<crc32 hex> <json>\n`. `append` returns only once the
 * bytes are on disk (`fsync`), which is what lets the server acknowledge a call after it.
 *
 * @example
 * const journal = JournalFile.open('data/catalog.jsonl');
 * journal.append({ op: 'createActivity', name: 'approve' });
 * JournalFile.read('data/catalog.jsonl').records; // [{ op: 'createActivity', name: 'approve' }]
 */
export class JournalFile {
  private constructor(
    readonly path: string,
    private fd: number | undefined,
  ) {}

  static open(path: string): JournalFile {
    return new JournalFile(path, openSync(path, 'a'));
  }

  append(...records: unknown[]): void {
    if (records.length === 0) return;
    if (this.fd === undefined) throw new Error(`journal ${this.path} is closed`);
    writeSync(this.fd, records.map(encodeLine).join(''));
    fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /**
   * Every intact record in order. Reading stops at the first damaged line: a torn tail (the
   * process died mid-write) or a corrupted line is reported in `damage`, and what came before it
   * still loads.
   */
  static read(path: string): { records: unknown[]; damage?: string } {
    if (!existsSync(path)) return { records: [] };
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const records: unknown[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line === '') {
        if (i === lines.length - 1) break;
        continue;
      }
      const record = decodeLine(line);
      if (record === DAMAGED) {
        const tail = i >= lines.length - 2;
        const lost = lines.slice(i).filter((l) => l !== '').length;
        return { records, damage: `${path}: line ${i + 1} is ${tail ? 'a truncated or torn last write' : 'corrupted'}; ${lost} line(s) from there were not loaded` };
      }
      records.push(record.value);
    }
    return { records };
  }
}

const DAMAGED = Symbol('damaged');

function encodeLine(record: unknown): string {
  const json = JSON.stringify(record);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

function decodeLine(line: string): { value: unknown } | typeof DAMAGED {
  const space = line.indexOf(' ');
  if (space !== 8) return DAMAGED;
  const json = line.slice(9);
  if (crc32(json).toString(16).padStart(8, '0') !== line.slice(0, 8)) return DAMAGED;
  try {
    return { value: JSON.parse(json) as unknown };
  } catch {
    return DAMAGED;
  }
}
