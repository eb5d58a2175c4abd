/**
 * DuckDB's sniffer reports a malformed CSV without a line number. When it fails,
 * this scan finds the first structural problem so the message can point at it.
 */
type CsvStructureProblem =
  | { code: 'ragged-row'; line: number; fields: number; expected: number; message: string }
  | { code: 'unclosed-quote'; line: number; message: string };

export function findCsvStructureProblem(
  text: string,
  delimiter: string,
  skipRows = 0,
): CsvStructureProblem | undefined {
  let line = 1;
  let fields = 1;
  let expected: number | undefined;
  let inQuotes = false;
  let quoteLine = 0;
  let atFieldStart = true;
  let recordStartLine = 1;
  let record = 0;
  const endRecord = (): CsvStructureProblem | undefined => {
    record++;
    if (record > skipRows) {
      if (expected === undefined) expected = fields;
      else if (fields !== expected)
        return {
          code: 'ragged-row',
          line: recordStartLine,
          fields,
          expected,
          message: `line ${recordStartLine} has ${fields} fields, but the header has ${expected}`,
        };
    }
    fields = 1;
    atFieldStart = true;
    recordStartLine = line;
    return undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      } else if (ch === '\n') line++;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      quoteLine = line;
      atFieldStart = false;
    } else if (ch === delimiter) {
      fields++;
      atFieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      const blank = fields === 1 && atFieldStart;
      if (!blank) {
        const problem = endRecord();
        if (problem) return problem;
      } else recordStartLine = line;
    } else atFieldStart = false;
  }
  if (inQuotes)
    return {
      code: 'unclosed-quote',
      line: quoteLine,
      message: `a quote opened on line ${quoteLine} is never closed`,
    };
  if (!(fields === 1 && atFieldStart)) return endRecord();
  return undefined;
}
