import { splitRecords } from '../../core/ingest/delimited';
import { decodeText, judgeEncoding } from '../../core/ingest/encoding';
import { type ImportMessage, importMessage } from '../../core/ingest/messages';
import type { EncodingName } from './types';

const SAMPLE = 64 * 1024;

/** A delimited file's bytes as DuckDB reads them (UTF-8), and what the user should know about how. */
interface CsvText {
  encoding: EncodingName;
  utf8: Uint8Array;
  /** The first 64K characters, for sniffing. */
  sample: string;
  /** The whole text when it had to be decoded anyway (not UTF-8 to begin with). */
  fullText?: string;
  notes: ImportMessage[];
}

/**
 * Decodes the file in the encoding chosen, or the one judged from its bytes, and says
 * so when it is not plain UTF-8: which code page and why, or that the user's choice
 * differs from what the bytes suggest.
 */
export function csvText(fileName: string, bytes: Uint8Array, chosen?: EncodingName | 'auto'): CsvText {
  const verdict = judgeEncoding(bytes);
  const encoding = chosen && chosen !== 'auto' ? chosen : verdict.encoding;
  const notes: ImportMessage[] = [];
  if (encoding !== verdict.encoding)
    notes.push(importMessage('encoding-chosen', { file: fileName, encoding, detected: verdict.encoding }));
  else if (
    verdict.reason === 'arabic-words' ||
    verdict.reason === 'latin-words' ||
    verdict.reason === 'not-utf8'
  )
    notes.push(
      importMessage('encoding-detected', {
        file: fileName,
        encoding,
        reason: verdict.reason,
        examples: verdict.examples,
      }),
    );
  if (encoding === 'utf-8') {
    // Already UTF-8: hand DuckDB the bytes as they are, minus a BOM, without a copy.
    const utf8 = bytes.subarray(verdict.encoding === 'utf-8' ? verdict.bomLength : 0);
    return { encoding, utf8, sample: new TextDecoder('utf-8').decode(utf8.subarray(0, SAMPLE)), notes };
  }
  const fullText = decodeText(bytes, encoding);
  return {
    encoding,
    utf8: new TextEncoder().encode(fullText),
    sample: fullText.slice(0, SAMPLE),
    fullText,
    notes,
  };
}

/** The name an empty first header gets: R's `write.csv` and pandas' `to_csv` leave the row-number column unnamed. */
export const ROW_NUMBER_COLUMN = 'row';

/** True when the header's first cell is empty and others are not: a row-number column. */
export function firstHeaderIsEmpty(sample: string, delimiter: string, skipRows: number): boolean {
  const { records } = splitRecords(sample, delimiter, skipRows + 1);
  const header = records[skipRows];
  return (
    header !== undefined &&
    header.length > 1 &&
    header[0].trim() === '' &&
    header.some((c) => c.trim() !== '')
  );
}
