import { splitRecords } from './delimited.ts';

/** Candidates in the order that wins a tie. */
const DELIMITERS: readonly string[] = [',', ';', '\t', '|'];

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 30;

interface Score {
  delimiter: string;
  /** Share of sampled records with the most common field count. */
  consistency: number;
  fields: number;
}

function score(sample: string, delimiter: string, sampleIsPartial: boolean): Score {
  let { records } = splitRecords(sample, delimiter, SAMPLE_RECORDS + 1);
  // The last record of a cut sample may be cut too; the one past the limit is only a probe.
  if (records.length > SAMPLE_RECORDS || sampleIsPartial) records = records.slice(0, -1);
  records = records.filter((r) => r.length > 1 || r[0] !== '');
  if (records.length === 0) return { delimiter, consistency: 0, fields: 1 };
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let fields = 1;
  let most = 0;
  for (const [width, count] of counts) {
    if (count > most || (count === most && width > fields)) {
      fields = width;
      most = count;
    }
  }
  return { delimiter, consistency: fields > 1 ? most / records.length : 0, fields };
}

/**
 * Picks the delimiter among `,` `;` tab `|` that splits the first records into the same
 * number of fields most consistently (quotes respected), preferring more fields on a tie.
 * Text with none of them is one column: `,`.
 */
export function sniffDelimiter(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const partial = sample.length < text.length;
  let best: Score = { delimiter: DELIMITERS[0], consistency: 0, fields: 1 };
  for (const d of DELIMITERS) {
    const s = score(sample, d, partial);
    if (s.consistency > best.consistency || (s.consistency === best.consistency && s.fields > best.fields))
      best = s;
  }
  return best.delimiter;
}
