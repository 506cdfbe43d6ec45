/**
 * The delimiters `ReaderConfig.CSVDelimiter` names.
 */
export const CSV_DELIMITERS = {
  COMMA: ',',
  PIPE: '|',
  SEMICOLON: ';',
  SPACE: ' ',
  TAB: '\t',
} as const;

export type CsvDelimiterName = keyof typeof CSV_DELIMITERS;

/**
 * Splits delimited text into records of string fields, the way Step Functions' ItemReader does.
 *
 * Why a dedicated parser rather than csv-parse & co.: AWS's dialect has a rule no general CSV
 * library implements — a backslash escapes a backslash, a double quote or the delimiter
 * *anywhere* (quoted or not), and a backslash before any other character is silently dropped.
 * Combined with `""` inside quotes, CRLF/LF records and quoted newlines, it is a ~50-line state
 * machine; bending a library's options to it would still need post-processing that re-parses.
 *
 * Empty lines (no characters at all) are not records: recorded AWS cases end files with a newline
 * and get no extra item; an empty line mid-file is unrecorded, so we follow the common reader
 * default (commons-csv's DEFAULT format ignores empty lines). A line of spaces is a record
 * (recorded: `"   "` is an item).
 *
 * @example
 * parseCsv('a,b\n"x,1",y\\,z\n', ','); // [['a', 'b'], ['x,1', 'y,z']]
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  // Whether anything (a character, a delimiter, a quote) was seen on the current record, so an
  // empty line is told apart from a line holding one empty field (`""`).
  let recordStarted = false;
  // Whether the current field has content or an opening quote: a quote opens quoting only first.
  let fieldStarted = false;

  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    if (recordStarted) {
      endField();
      records.push(record);
    }
    record = [];
    field = '';
    fieldStarted = false;
    recordStarted = false;
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') {
      recordStarted = true;
      fieldStarted = true;
      // The next character is taken literally: a backslash, quote or delimiter loses its meaning,
      // and before any other character the backslash alone disappears. Before a line end (or at
      // the end of the text) it escapes nothing and is dropped.
      const next = text[i + 1];
      if (next !== undefined && next !== '\n' && next !== '\r') {
        field += next;
        i++;
      }
      continue;
    }
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += char;
      continue;
    }
    if (char === '"') {
      recordStarted = true;
      if (!fieldStarted) {
        quoted = true;
        fieldStarted = true;
      } else {
        // Mid-field quotes are literal; `""` is one quote there too (AWS's example parses
        // `{""MyKey"":""MyValue""}` unquoted into `{"MyKey":"MyValue"}`).
        field += '"';
        if (text[i + 1] === '"') i++;
      }
    } else if (char === delimiter) {
      recordStarted = true;
      endField();
    } else if (char === '\n') {
      endRecord();
    } else if (char === '\r') {
      if (text[i + 1] === '\n') i++;
      endRecord();
    } else {
      recordStarted = true;
      fieldStarted = true;
      field += char;
    }
  }
  endRecord();
  return records;
}
