import type { ColumnProfile } from '../../../src/core/model/classifyProfile';
import type { ColumnKind } from '../../../src/core/model/columnKind';

/** RFC 4180 CSV: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/;
const OTHER_DATE = /^(\d{1,2}\/\d{1,2}\/\d{4}|\d{2}-\d{2}-\d{4})( \d{1,2}:\d{2})?$/;

/** Roughly how the importer reads a column: numbers, ISO dates and times, true/false, else text. */
function kindOf(values: readonly string[]): ColumnKind {
  if (values.length === 0) return 'text';
  if (values.every((v) => NUMBER.test(v))) return 'number';
  if (values.every((v) => ISO_DATE.test(v))) return 'date';
  if (values.every((v) => ISO_TIME.test(v) || ISO_DATE.test(v))) return 'timestamp';
  if (values.every((v) => /^(true|false)$/i.test(v))) return 'boolean';
  // Month-first and day-first dates are read as dates by the importer too.
  if (values.every((v) => OTHER_DATE.test(v))) return OTHER_DATE.exec(values[0])?.[2] ? 'timestamp' : 'date';
  return 'text';
}

function isoDay(v: string): string | null {
  if (ISO_DATE.test(v) || ISO_TIME.test(v)) return v.slice(0, 10);
  const mdy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(v);
  if (mdy) return `${mdy[3]}-${mdy[1].padStart(2, '0')}-${mdy[2].padStart(2, '0')}`;
  const dmy = /^(\d{2})-(\d{2})-(\d{4})/.exec(v);
  if (dmy) return `${dmy[3]}-${dmy[2]}-${dmy[1]}`;
  return null;
}

/** The profile the state layer's SQL measures, computed in plain TypeScript from the CSV cells. */
export function profileColumn(name: string, cells: readonly string[]): ColumnProfile {
  const values = cells.filter((v) => v.trim() !== '');
  const kind = kindOf(values);
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const top = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 12)
    .map(([value, count]) => ({ value, count }));
  const nums = kind === 'number' ? values.map(Number) : [];
  const share = (f: (x: number) => boolean) => (nums.length === 0 ? 0 : nums.filter(f).length / nums.length);
  const whole = (x: number) => Number.isInteger(x);
  const days = values
    .map(isoDay)
    .filter((d): d is string => d !== null)
    .sort();
  const dated = kind === 'date' || kind === 'timestamp';
  return {
    name,
    kind,
    rows: cells.length,
    filled: values.length,
    distinct: counts.size,
    top,
    min: nums.length === 0 ? null : Math.min(...nums),
    max: nums.length === 0 ? null : Math.max(...nums),
    integerShare: share(whole),
    in0to10: share((x) => whole(x) && x >= 0 && x <= 10),
    in1to5: share((x) => whole(x) && x >= 1 && x <= 5),
    in1to7: share((x) => whole(x) && x >= 1 && x <= 7),
    dateShare: values.length === 0 ? 0 : dated ? 1 : days.length / values.length,
    minDate: days[0] ?? null,
    maxDate: days[days.length - 1] ?? null,
    multilineShare: values.length === 0 ? 0 : values.filter((v) => /[\r\n]/.test(v)).length / values.length,
    meanLength: values.length === 0 ? 0 : values.reduce((s, v) => s + v.length, 0) / values.length,
  };
}

/** Headers, kinds and profiles of a CSV file's text. */
export function profileCsv(text: string) {
  const [headers, ...rows] = parseCsv(text);
  const profiles = headers.map((h, i) =>
    profileColumn(
      h,
      rows.map((r) => r[i] ?? ''),
    ),
  );
  const kinds = Object.fromEntries(profiles.map((p) => [p.name, p.kind]));
  return { headers, kinds, profiles };
}
