import { z } from 'zod';
import { CELL_KINDS } from '../notebook/types';
import { CANONICAL_TABLE_NAMES } from './canonical';
import { COLUMN_KINDS } from './columnKind';
import { NotesSchema } from './notes';

/**
 * The workbook document as it is saved in `workbook.json` (DESIGN.md, "Workbook
 * document and file"). This file describes the current format only; older formats
 * are brought up to it by `migrations.ts` before this schema sees them.
 *
 * A workbook may come from a stranger, so every string has a length cap and every
 * list a size cap: validation must stay cheap however the file was made.
 */
export const CURRENT_FORMAT_VERSION = 2;

const MAX_NAME = 256;
const MAX_TEXT = 20_000;
const MAX_LIST = 10_000;
/** The query time limit a workbook has when it names none. */
export const DEFAULT_TIME_LIMIT_SECONDS = 30;
/**
 * The same under `shakhes serve`, whose tables may hold 100M rows: there a first scorecard
 * takes minutes (docs/performance.md), and 30 s would stop every one of them.
 */
export const SERVED_TIME_LIMIT_SECONDS = 900;
export const MAX_TIME_LIMIT_SECONDS = 3600;

const name = z.string().min(1).max(MAX_NAME);
const text = z.string().max(MAX_TEXT);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written as YYYY-MM-DD');
const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_LIST);

const LocaleSchema = z.enum(['en', 'fa']);
// Spelled out rather than derived from calendarSchema's lists so zod keeps the literal types;
// a unit test holds the two in step.
export const CalendarSchema = z.enum(['gregorian', 'jalali']);
export const GrainSchema = z.enum(['day', 'week', 'month', 'quarter', 'year']);
const ColumnKindSchema = z.enum(COLUMN_KINDS);
const FileFormatSchema = z.enum(['csv', 'tsv', 'parquet', 'json', 'xlsx', 'pasted', 'manual']);

const ParseOptionsSchema = z.object({
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'windows-1252', 'auto']).optional(),
  delimiter: z.string().min(1).max(8).optional(),
  header: z.boolean().optional(),
  skipRows: z.number().int().min(0).max(1_000_000).optional(),
  decimalComma: z.boolean().optional(),
  normalizeLetters: z.boolean().optional(),
  dateOrder: z.enum(['ymd', 'dmy', 'mdy', 'jalali', 'auto']).optional(),
  sheet: name.optional(),
});

const ColumnSchema = z.object({
  name,
  kind: ColumnKindSchema,
  /** The DuckDB type the column was stored with, e.g. DOUBLE or DATE. */
  sqlType: z.string().min(1).max(64),
  /** The currency mark its amounts were written with ($, €, USD, ریال), when they had one. */
  currency: z.string().min(1).max(16).optional(),
});

const MappingSchema = z.object({
  canonicalTable: z.enum(CANONICAL_TABLE_NAMES),
  /** canonical column name → the header it came from in the user's file. */
  columns: z.record(name, name),
  /** canonical column name → a constant, or a row formula over the file's columns (checked before use). */
  computed: z
    .record(name, z.union([z.strictObject({ constant: text }), z.strictObject({ formula: text.min(1) })]))
    .optional(),
  /** Which raw stage values mean won or lost, for deals whose export has no won flag. */
  stageOutcomes: z.object({ won: list(name), lost: list(name) }).optional(),
});

/** Dataset ids name zip entries (`data/<id>.parquet`), so they are kept to plain characters. */
const datasetId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a dataset id is 1 to 64 letters, digits, "_" or "-"');

export const DatasetSchema = z.object({
  id: datasetId,
  /** The engine table the dataset is loaded into. */
  table: name,
  sourceName: name,
  format: FileFormatSchema,
  options: ParseOptionsSchema,
  columns: list(ColumnSchema),
  rows: z.number().int().min(0),
  mapping: MappingSchema.optional(),
  /** True when the file carries the data as `data/<id>.parquet`; otherwise it is asked for on open. */
  embedded: z.boolean(),
});

const RelationshipSchema = z.object({
  fromTable: name,
  fromColumn: name,
  toTable: name,
  toColumn: name,
});

const ComparisonSchema = z.enum(['previous', 'yoy', 'target', 'benchmark', 'threshold']);

const SettingsSchema = z.object({
  grain: GrainSchema,
  dateRange: z.object({ from: isoDate.nullable(), to: isoDate.nullable() }),
  comparisons: z.array(ComparisonSchema).max(ComparisonSchema.options.length),
  industry: name.nullable(),
  /** ISO 4217 code, e.g. USD or IRR. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter currency code such as USD'),
  /** `table.column` to break every KPI down by, or none. */
  breakdown: name.nullable(),
  /**
   * Seconds a notebook cell's or the scorecard's query may run before it is stopped.
   * Optional so workbooks written before it open unchanged (DEFAULT_TIME_LIMIT_SECONDS then).
   */
  timeLimitSeconds: z.number().int().min(1).max(MAX_TIME_LIMIT_SECONDS).optional(),
});

const KpiFamilySchema = z.enum([
  'customer',
  'sales',
  'social',
  'employee',
  'financial',
  'operational',
  'custom',
]);

export const KpiSchema = z.object({
  id: name,
  label: name,
  formula: text.min(1),
  table: name.optional(),
  timeColumn: name.optional(),
  filter: text.optional(),
  /** What one unit of the value is: 'USD', 'days', '%', 'customers'. */
  unit: z.string().max(32),
  format: z.enum(['number', 'integer', 'percent', 'currency', 'duration']),
  direction: z.enum(['up', 'down', 'context']),
  family: KpiFamilySchema,
  /** A KRI is a risk indicator: listed apart, with a threshold and an early warning. */
  kind: z.enum(['kpi', 'kri']),
  target: z.number().optional(),
  thresholds: z.object({ warning: z.number().optional(), critical: z.number().optional() }).optional(),
  benchmarkKey: name.optional(),
  description: text.optional(),
});

export const UserBenchmarkSchema = z.object({
  key: name,
  label: name,
  value: z.number(),
  industry: name.nullable(),
  source: text.optional(),
});

/** Cell kinds of the first format, before the notebook's cell registry (core/notebook). */
const FIRST_CELL_KINDS = ['kpi', 'chart', 'table'] as const;

export const CellSchema = z.object({
  id: name,
  // Old documents may still hold the first format's kinds; the rest is the notebook's registry.
  kind: z.enum([...FIRST_CELL_KINDS, ...CELL_KINDS]),
  name: name.optional(),
  /** The cell's text: a formula, SQL (checked by the SQL guard before it runs) or Markdown. */
  source: text.optional(),
  /** Kind-specific settings (chart type, columns shown); plain JSON, never code. */
  config: z.record(z.string().max(MAX_NAME), z.json()).optional(),
  /** Why the cell's last run stopped (engine error, time limit, cancel): it then waits for Run on open. */
  halted: z
    .object({
      code: z.enum(['timed-out', 'cancelled', 'failed']),
      seconds: z.number().min(0).max(1_000_000).optional(),
      message: text.optional(),
    })
    .optional(),
});

export const SheetSchema = z.object({
  id: name,
  name,
  kind: z.enum(['scorecard', 'notebook', 'data']),
  cells: list(CellSchema),
});

/** Flags the second use of a key in a list, at the path of the offending item. */
function unique<T>(items: readonly T[], key: (item: T) => string, path: (string | number)[], what: string) {
  const seen = new Set<string>();
  const issues: { path: (string | number)[]; message: string }[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) issues.push({ path: [...path, i], message: `two ${what} are both "${k}"` });
    seen.add(k);
  });
  return issues;
}

export const DocumentSchema = z
  .object({
    formatVersion: z.literal(CURRENT_FORMAT_VERSION),
    title: z.string().max(MAX_NAME),
    locale: LocaleSchema,
    calendar: CalendarSchema,
    datasets: list(DatasetSchema),
    relationships: list(RelationshipSchema),
    settings: SettingsSchema,
    kpis: list(KpiSchema),
    benchmarks: list(UserBenchmarkSchema),
    sheets: list(SheetSchema),
    /** Absent in workbooks written before notes (notes.ts); they open with none. */
    notes: NotesSchema.optional(),
  })
  .superRefine((doc, ctx) => {
    const issues = [
      // Dataset table names are checked by tableNames.ts, which names the datasets that clash.
      ...unique(doc.datasets, (d) => d.id, ['datasets'], 'dataset ids'),
      ...unique(doc.kpis, (k) => k.id, ['kpis'], 'KPI ids'),
      ...unique(doc.benchmarks, (b) => b.key, ['benchmarks'], 'benchmark keys'),
      ...unique(doc.sheets, (s) => s.id, ['sheets'], 'sheet ids'),
      ...unique(doc.notes ?? [], (n) => n.id, ['notes'], 'note ids'),
      ...doc.sheets.flatMap((s, i) => unique(s.cells, (c) => c.id, ['sheets', i, 'cells'], 'cell ids')),
    ];
    for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue });
  });

export type WorkbookDocument = z.infer<typeof DocumentSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;
export type WorkbookKpi = z.infer<typeof KpiSchema>;
export type Sheet = z.infer<typeof SheetSchema>;
export type UserBenchmark = z.infer<typeof UserBenchmarkSchema>;
