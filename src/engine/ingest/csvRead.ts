import { duckdb } from '../../core/sql/dialects/registry';
import type { Engine } from '../engine';

const s = duckdb.stringLiteral;

/**
 * Booleans and dates are left out of DuckDB's own type detection because it would
 * read Yes/No as true/false, which users compare as text, and the Jalali 1402/05/12 as
 * a Gregorian date. The shared typing rules decide both.
 */
const TYPE_CANDIDATES = ['BIGINT', 'DOUBLE', 'VARCHAR'];

/** What the user can set about a delimited file, plus whether quoting is read strictly. */
export interface CsvDialect {
  delimiter: string;
  header: boolean;
  skipRows: number;
  decimalComma: boolean;
  strict: boolean;
}

export interface CsvColumn {
  name: string;
  type: string;
}

/** DuckDB's reading of the file: what it found beyond the dialect we gave it, and the columns. */
interface SniffedCsv {
  comment: string;
  columns: CsvColumn[];
}

function dialectOptions(d: CsvDialect): string {
  return (
    `delim = ${s(d.delimiter)}, header = ${d.header}, skip = ${d.skipRows}, quote = '"', escape = '"', ` +
    `strict_mode = ${d.strict}, decimal_separator = ${s(d.decimalComma ? ',' : '.')}`
  );
}

function sniffOptions(d: CsvDialect): string {
  const candidates = TYPE_CANDIDATES.map((t) => s(t)).join(', ');
  return `${dialectOptions(d)}, auto_type_candidates = [${candidates}], sample_size = 20480`;
}

/** Sniffs once; the reads after it repeat its findings instead of paying for a sniff each. */
export async function sniffCsv(engine: Engine, file: string, d: CsvDialect): Promise<SniffedCsv> {
  try {
    const r = await engine.query(
      `SELECT cm, c.name AS name, c.type AS type FROM (SELECT Comment AS cm, unnest(Columns) AS c ` +
        `FROM sniff_csv(${s(file)}, ${sniffOptions(d)}))`,
    );
    const rows = r.toArray();
    const comment = String(rows[0].cm);
    return {
      comment: comment === '(empty)' ? '' : comment,
      columns: rows.map((c) => ({ name: String(c.name), type: String(c.type) })),
    };
  } catch {
    // sniff_csv refuses some files read_csv takes (nothing left after the skipped rows):
    // ask read_csv itself for the columns it would make.
    const r = await engine.query(`DESCRIBE SELECT * FROM read_csv(${s(file)}, ${sniffOptions(d)})`);
    return {
      comment: '',
      columns: r.toArray().map((c) => ({ name: String(c.column_name), type: String(c.column_type) })),
    };
  }
}

/**
 * A `read_csv` call that takes the sniffed dialect and the given column types as they
 * are. The line ending is left out on purpose: with `auto_detect = false` the reader
 * handles \n, \r\n and \r alike, while an explicit `new_line` next to `strict_mode`
 * makes DuckDB 1.4 read zero rows of a CRLF file without an error. Date and timestamp
 * columns are only given to it typed when their sample is plain ISO, so the formats
 * are fixed: DuckDB would otherwise apply a format sniffed from another column (a
 * d/m/y one, say) to them.
 */
export function readCsvCall(file: string, d: CsvDialect, sniffed: SniffedCsv, types: readonly string[]) {
  const columns = sniffed.columns.map((c, i) => `${s(c.name)}: ${s(types[i])}`).join(', ');
  return (
    `read_csv(${s(file)}, auto_detect = false, ${dialectOptions(d)}, ` +
    (sniffed.comment ? `comment = ${s(sniffed.comment)}, ` : '') +
    `columns = {${columns}}, dateformat = '%Y-%m-%d', ` +
    `timestampformat = '%Y-%m-%d %H:%M:%S')`
  );
}
