import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/interpreter/map-run-io/parse-csv';

describe('parseCsv (AWS dialect)', () => {
  it('splits records on LF and CRLF and fields on the delimiter', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f', ',')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('keeps delimiters and newlines inside quotes and reads "" as a quote', () => {
    // The example of AWS's "How Step Functions parses input CSV files".
    const text = 'abc,123,"This string contains commas, a double quotation marks (""), and a newline (\n)",{""MyKey"":""MyValue""},"[1,2,3]"\n';
    expect(parseCsv(text, ',')).toEqual([
      ['abc', '123', 'This string contains commas, a double quotation marks ("), and a newline (\n)', '{"MyKey":"MyValue"}', '[1,2,3]'],
    ]);
  });

  it('escapes backslash, quote and delimiter with a backslash and drops other backslashes', () => {
    expect(parseCsv('path,size\nC:\\\\Program Files\\\\MyApp.exe,6534512\n', ',')).toEqual([
      ['path', 'size'],
      ['C:\\Program Files\\MyApp.exe', '6534512'],
    ]);
    expect(parseCsv('a\\,b,c\\"d,\\x', ',')).toEqual([['a,b', 'c"d', 'x']]);
    // Escaping the delimiter only means the configured one.
    expect(parseCsv('a\\|b|c\\,d', '|')).toEqual([['a|b', 'c,d']]);
    // Inside quotes too; a backslash before a line end or at the end escapes nothing.
    expect(parseCsv('"say \\"hi\\""', ',')).toEqual([['say "hi"']]);
    expect(parseCsv('a\\\nb\\', ',')).toEqual([['a'], ['b']]);
  });

  it('keeps empty fields, whitespace-only records, and skips empty lines', () => {
    expect(parseCsv(',,,\n   \n\nx\n', ',')).toEqual([['', '', '', ''], ['   '], ['x']]);
    expect(parseCsv('""\n', ',')).toEqual([['']]);
    expect(parseCsv('', ',')).toEqual([]);
  });

  it('uses other delimiters (TAB, SPACE, SEMICOLON)', () => {
    expect(parseCsv('a\tb c;d', '\t')).toEqual([['a', 'b c;d']]);
    expect(parseCsv('a\tb c;d', ' ')).toEqual([['a\tb', 'c;d']]);
    expect(parseCsv('a\tb c;d', ';')).toEqual([['a\tb c', 'd']]);
  });
});
