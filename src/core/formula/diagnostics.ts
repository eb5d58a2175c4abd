import type { Span } from './ast';

/**
 * Every problem the formula pipeline can report: a code, its parameters and one
 * formatter that writes a sentence a spreadsheet user understands (STYLE.md:
 * diagnostics as codes with formatters). UIs may translate by code and params.
 */
export interface DiagnosticParams {
  'unexpected-character': { char: string };
  'unterminated-text': Record<string, never>;
  'unterminated-name': Record<string, never>;
  'expected-value': { found: string };
  'unexpected-token': { found: string };
  'missing-close-paren': { opened: string };
  'bad-date': { text: string };
  'bad-name': { text: string };
  'empty-formula': Record<string, never>;
  'unknown-name': { name: string; table: string | null; suggestion: string | null };
  'unknown-table': { table: string; suggestion: string | null };
  'unknown-column': { table: string; column: string; suggestion: string | null };
  'ambiguous-name': { name: string; table: string };
  'unknown-function': { name: string; suggestion: string | null };
  'needs-parentheses': { name: string };
  'arg-count': { fn: string; min: number; max: number | null; found: number };
  'arg-type': { fn: string; param: string; expected: string; found: string };
  'operator-type': { op: string; left: string; right: string | null };
  'mixed-types': { fn: string; first: string; other: string };
  'constant-required': { fn: string; param: string };
  /** `found` is the argument as written. */
  'arg-range': { fn: string; param: string; min: number; max: number; whole: boolean; found: string };
  /** `char` is the code point written U+XXXX: the character itself is invisible. */
  'control-character': { char: string; within: 'text' | 'name' };
  'lookback-too-long': { years: number };
  'bare-column': { column: string };
  'nested-aggregate': { outer: string; inner: string };
  'time-needs-kpi': { fn: string };
  'nested-time': { outer: string; inner: string };
  'time-needs-grain': { fn: string };
  'kpi-cycle': { path: string[] };
  'kpi-has-errors': { id: string };
  'unknown-kpi-table': { table: string; suggestion: string | null };
  'bad-time-column': { table: string; column: string; found: string | null };
  'filter-not-condition': { found: string };
  'filter-aggregate': Record<string, never>;
  'unlinked-tables': { tables: string[] };
  'no-source-table': { fn: string };
  'not-a-table': { fn: string };
  'breakdown-unknown': { table: string; column: string; suggestion: string | null };
  'breakdown-unreachable': { kpi: string; from: string; to: string };
  'bad-range': { text: string };
  'duplicate-kpi': { id: string };
  /** `column` is `table.column`, or `LOWER(table.column)` when the formula wraps it. */
  'text-no-match': { column: string; text: string; suggestion: string | null; caseOnly: boolean };
  /** A derived column of a mapping is worked out row by row: `fn` (an aggregate, a KPI, a period) has no row value. */
  'not-row-level': { fn: string };
}

export type DiagnosticCode = keyof DiagnosticParams;

export interface Diagnostic<C extends DiagnosticCode = DiagnosticCode> {
  code: C;
  params: DiagnosticParams[C];
  span: Span;
  severity: 'error' | 'warning';
  message: string;
  /** The KPI whose formula (or filter) the span points into, when there is one. */
  kpiId?: string;
  /** Which text of the KPI the span is in. */
  source?: 'formula' | 'filter';
}

const code = (s: string) => `\`${s}\``;

/** Control and other invisible characters are named by code point (U+0000), others shown as they are. */
export function visibleChar(ch: string): string {
  return /^[\p{Cc}\p{Cf}\p{Z}]$/u.test(ch) ? codePoint(ch) : ch;
}

/** U+XXXX for a character. */
export function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
/** Text as a formula writes it: in double quotes, a quote inside doubled. */
export const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
const didYouMean = (s: string | null) => (s === null ? '' : `; did you mean ${code(s)}?`);

/** One sentence per code; the UI's catalogues (src/i18n/diagnostics.*.ts) have the same shape. */
export type DiagnosticFormatters = { [C in DiagnosticCode]: (p: DiagnosticParams[C]) => string };

/** The English sentences: `message` of every diagnostic, and the UI's English. */
export const DIAGNOSTIC_FORMATTERS: DiagnosticFormatters = {
  'unexpected-character': (p) => `${code(visibleChar(p.char))} cannot be used in a formula`,
  'unterminated-text': () => 'this text has no closing `"`',
  'unterminated-name': () => 'this name has no closing `]`',
  'expected-value': (p) => `expected a number, text, a name or a function here, but found ${p.found}`,
  'unexpected-token': (p) => `did not expect ${p.found} here; is an operator or a comma missing?`,
  'missing-close-paren': (p) => `the ${code(p.opened)} opened here is never closed; add \`)\``,
  'bad-date': (p) => `${code(p.text)} is not a date; write dates as DATE("2024-01-31")`,
  'bad-name': (p) => `${code(p.text)} is not a name; write table.column or [Any Name]`,
  'empty-formula': () => 'the formula is empty',
  'unknown-name': (p) =>
    p.table === null
      ? `there is no KPI named ${code(p.name)}${p.suggestion === null ? ', and this KPI has no table to look for a column in' : ''}${didYouMean(p.suggestion)}`
      : `no KPI or column ${code(p.name)} in ${p.table}${didYouMean(p.suggestion)}`,
  'unknown-table': (p) => `there is no table ${code(p.table)}${didYouMean(p.suggestion)}`,
  'unknown-column': (p) => `no column ${code(p.column)} in ${p.table}${didYouMean(p.suggestion)}`,
  'ambiguous-name': (p) =>
    `${code(p.name)} is both a KPI and a column of ${p.table}; write ${p.table}.${p.name} for the column, or rename the KPI`,
  'unknown-function': (p) => `there is no function ${code(p.name)}${didYouMean(p.suggestion)}`,
  'needs-parentheses': (p) => `${code(p.name)} is a function; write ${p.name}()`,
  'arg-count': (p) => {
    const want = p.max === null ? `at least ${p.min}` : p.min === p.max ? `${p.min}` : `${p.min} to ${p.max}`;
    return `${p.fn} takes ${want} argument${p.min === 1 && p.max === 1 ? '' : 's'}, but ${p.found} ${p.found === 1 ? 'was' : 'were'} given`;
  },
  'arg-type': (p) => `${p.fn} needs ${p.expected} for ${code(p.param)}, but this is ${p.found}`,
  'operator-type': (p) =>
    p.right === null
      ? `${code(p.op)} cannot be used on ${p.left}`
      : `${code(p.op)} cannot be used between ${p.left} and ${p.right}`,
  'mixed-types': (p) =>
    `all values of ${p.fn} must have the same type, but ${p.first} and ${p.other} are mixed`,
  'constant-required': (p) => `${code(p.param)} of ${p.fn} must be a fixed value, not taken from the data`,
  'arg-range': (p) =>
    `${code(p.param)} of ${p.fn} must be ${p.whole ? 'a whole number' : 'a number'} from ${p.min} to ${p.max}, but this is ${code(p.found)}`,
  'control-character': (p) =>
    `${p.within === 'text' ? 'text' : 'a name'} cannot contain the invisible control character ${p.char}; remove it`,
  'lookback-too-long': (p) =>
    `this KPI reaches back more than ${p.years} years (with the KPIs it uses); use a smaller n in PREV or ROLLING, or a coarser grain`,
  'bare-column': (p) =>
    `${code(p.column)} is a value of each row, but a KPI needs one value per period; wrap it in an aggregate such as SUM(${p.column}) or AVERAGE(${p.column})`,
  'nested-aggregate': (p) =>
    `${p.inner} is already one value per period, so it cannot go inside ${p.outer}; aggregates cannot be nested`,
  'time-needs-kpi': (p) =>
    `${p.fn} works on KPI values (a KPI name or an aggregate such as SUM(x)), not on row values`,
  'nested-time': (p) =>
    `${p.inner} cannot go inside ${p.outer}; make ${p.inner}(…) a KPI of its own and use its name`,
  'time-needs-grain': (p) =>
    `${p.fn} compares periods, so it needs a period grain (day, week, month, quarter or year)`,
  'not-row-level': (p) =>
    `a derived column is worked out for each row of the file, so ${p.fn} cannot be used here; use the row's own columns`,
  'kpi-cycle': (p) => `these KPIs refer to each other in a circle: ${p.path.join(' → ')}`,
  'kpi-has-errors': (p) => `KPI ${code(p.id)} has errors; fix it first`,
  'unknown-kpi-table': (p) => `the KPI's table ${code(p.table)} does not exist${didYouMean(p.suggestion)}`,
  'bad-time-column': (p) =>
    p.found === null
      ? `no column ${code(p.column)} in ${p.table} to use as the KPI's date`
      : `the KPI's date column ${code(p.column)} holds ${p.found}, not dates`,
  'filter-not-condition': (p) =>
    `a filter must be a condition (true or false for each row), but this is ${p.found}`,
  'filter-aggregate': () => 'a filter is checked row by row, so it cannot contain aggregates or KPI values',
  'unlinked-tables': (p) =>
    `${p.tables.join(' and ')} are not linked by a relationship, so they cannot be combined inside one aggregate; declare a relationship or use one aggregate per table`,
  'no-source-table': (p) => `${p.fn} needs a table: name a column (table.column) or set the KPI's table`,
  'not-a-table': (p) => `${p.fn} needs a table name here, such as ${p.fn}(deals)`,
  'breakdown-unknown': (p) =>
    `cannot break down by ${p.table}.${p.column}: no such column${didYouMean(p.suggestion)}`,
  'breakdown-unreachable': (p) =>
    `KPI ${code(p.kpi)} counts ${p.from}, which has no relationship leading to ${p.to}, so it cannot be broken down by it`,
  'bad-range': (p) => `${code(p.text)} is not a date; write the range as YYYY-MM-DD`,
  'duplicate-kpi': (p) => `two KPIs have the id ${code(p.id)}`,
  'text-no-match': (p) => {
    const never = `${p.column} never holds ${quoted(p.text)}`;
    if (p.suggestion === null) return `${never}, so this comparison matches no row; text is compared exactly`;
    const meant = `${never}; did you mean “${p.suggestion}”?`;
    if (!p.caseOnly) return meant;
    return `${meant} Text is compared exactly, upper and lower case included (there is no EXACT(): = already is exact); to ignore case write LOWER(${p.column}) = ${quoted(p.text.toLowerCase())}`;
  },
};

const WARNINGS: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['text-no-match']);

export function diagnostic<C extends DiagnosticCode>(
  codeName: C,
  params: DiagnosticParams[C],
  span: Span,
): Diagnostic<C> {
  return {
    code: codeName,
    params,
    span,
    severity: WARNINGS.has(codeName) ? 'warning' : 'error',
    message: DIAGNOSTIC_FORMATTERS[codeName](params),
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** The formula with a caret line under the span, for the CLI and plain-text reports. */
export function renderDiagnostic(source: string, d: Diagnostic): string {
  const lineStart = source.lastIndexOf('\n', d.span.start - 1) + 1;
  const nl = source.indexOf('\n', d.span.start);
  const lineEnd = nl === -1 ? source.length : nl;
  const line = source.slice(lineStart, lineEnd);
  const width = Math.max(1, Math.min(d.span.end, lineEnd) - d.span.start);
  const caret = `${' '.repeat(d.span.start - lineStart)}${'^'.repeat(width)}`;
  return `${d.severity}: ${d.message}\n  ${line}\n  ${caret}`;
}
