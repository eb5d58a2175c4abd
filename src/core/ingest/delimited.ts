interface DelimitedRecords {
  records: string[][];
  /** 1-based line where a quote opened and never closed; the rest of the text is in that cell. */
  unclosedQuoteLine?: number;
}

/**
 * Splits delimited text into records the way Excel writes it: a cell that starts with a
 * quote runs to the matching quote, across delimiters and line breaks, with `""` for a
 * quote inside. Lines end in \n, \r\n or \r. A final line break does not start a record.
 */
export function splitRecords(
  text: string,
  delimiter: string,
  maxRecords = Number.POSITIVE_INFINITY,
): DelimitedRecords {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n && records.length < maxRecords) {
    if (cell === '' && text[i] === '"') {
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= n) {
          record.push(cell);
          records.push(record);
          return { records, unclosedQuoteLine: openedOn };
        }
        const ch = text[i];
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
        i++;
      }
      // Text after the closing quote stays in the cell, as Excel reads `"a"b`.
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      continue;
    }
    const ch = text[i];
    if (ch === delimiter) {
      record.push(cell);
      cell = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      cell += ch;
      i++;
    }
  }
  if (records.length < maxRecords && (cell !== '' || record.length > 0)) {
    record.push(cell);
    records.push(record);
  }
  return { records };
}

interface DelimitedTable {
  header: string[];
  rows: string[][];
  unclosedQuoteLine?: number;
}

/**
 * A table pasted from a spreadsheet (tab-separated by default, as Excel and Google Sheets
 * copy): the first record is the header; every row is padded to the widest record, and
 * empty lines at the end are dropped.
 */
export function parseDelimitedText(text: string, delimiter = '\t'): DelimitedTable {
  const { records, unclosedQuoteLine } = splitRecords(text.replace(/^\ufeff/, ''), delimiter);
  while (records.length > 0 && records[records.length - 1].every((c) => c === '')) records.pop();
  const width = records.reduce((w, r) => Math.max(w, r.length), 0);
  const padded = records.map((r) =>
    r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r,
  );
  const [header = [], ...rows] = padded;
  return unclosedQuoteLine === undefined ? { header, rows } : { header, rows, unclosedQuoteLine };
}
