import type { Json, JsonObject } from '../../asl/types';
import { itemReaderFailed } from './item-reader-failed';
import { resolveJsonPointer } from './json-pointer';
import { CSV_DELIMITERS, parseCsv, type CsvDelimiterName } from './parse-csv';
import type { ResolvedReaderConfig } from './types';

/** Where an object came from, for error messages. */
export interface ObjectLocation {
  bucket: string;
  key: string;
}

/**
 * Turns one S3 object's body into Map items according to `ReaderConfig.InputType` (JSON, JSONL
 * or CSV). Shared by `s3:getObject`, `LOAD_AND_FLATTEN` listings and Athena manifests, which all
 * read data files the same way.
 */
export function parseItemFile(body: string, config: ResolvedReaderConfig, location: ObjectLocation): Json[] {
  switch (config.InputType) {
    case 'JSON':
      return parseJsonItems(body, config.ItemsPointer, location);
    case 'JSONL':
      return parseJsonLinesItems(body, location);
    case 'CSV':
      return parseCsvItems(body, config);
    case 'PARQUET':
      throw itemReaderFailed(
        `Statecraft cannot read PARQUET objects (s3://${location.bucket}/${location.key}); store the items as JSON, JSONL or CSV for local runs.`,
      );
    case undefined:
      throw itemReaderFailed(
        `ItemReader.ReaderConfig.InputType is required to read s3://${location.bucket}/${location.key}: set it to JSON, JSONL or CSV.`,
      );
    default:
      throw itemReaderFailed(`ItemReader.ReaderConfig.InputType '${String(config.InputType)}' cannot be used for a data file.`);
  }
}

function parseJsonItems(body: string, itemsPointer: string | undefined, location: ObjectLocation): Json[] {
  const document = parseJson(body, location);
  const selected = itemsPointer === undefined ? document : resolveJsonPointer(document, itemsPointer);
  if (selected === undefined) {
    throw itemReaderFailed(`ItemsPointer '${itemsPointer}' does not point to a value in s3://${location.bucket}/${location.key}.`);
  }
  // Cause recorded on AWS (via LocalStack's validated snapshots).
  if (!Array.isArray(selected)) throw itemReaderFailed('Attempting to map over non-iterable node.');
  return selected;
}

function parseJsonLinesItems(body: string, location: ObjectLocation): Json[] {
  const items: Json[] = [];
  const lines = body.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    items.push(parseJson(line, location, index + 1));
  });
  return items;
}

function parseCsvItems(body: string, config: ResolvedReaderConfig): JsonObject[] {
  const delimiterName: CsvDelimiterName = config.CSVDelimiter ?? 'COMMA';
  const delimiter = CSV_DELIMITERS[delimiterName];
  if (delimiter === undefined) {
    throw itemReaderFailed(`CSVDelimiter '${String(delimiterName)}' is not one of ${Object.keys(CSV_DELIMITERS).join(', ')}.`);
  }
  const records = parseCsv(body, delimiter);
  let headers: string[];
  if (config.CSVHeaderLocation === 'GIVEN') {
    if (!config.CSVHeaders || config.CSVHeaders.length === 0) {
      throw itemReaderFailed('CSVHeaderLocation GIVEN needs CSVHeaders: list the column names in ReaderConfig.CSVHeaders.');
    }
    headers = config.CSVHeaders;
  } else {
    headers = records.shift() ?? [];
  }
  if (new Set(headers).size !== headers.length) throw itemReaderFailed('CSV headers cannot contain duplicates.');
  // Short rows are padded with "" and extra fields dropped, as AWS documents.
  return records.map((record) => {
    const item: JsonObject = {};
    headers.forEach((header, index) => {
      item[header] = record[index] ?? '';
    });
    return item;
  });
}

function parseJson(text: string, location: ObjectLocation, line?: number): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    const where = `s3://${location.bucket}/${location.key}${line === undefined ? '' : ` line ${line}`}`;
    throw itemReaderFailed(`Invalid JSON in ${where}: ${(error as Error).message}`);
  }
}
