import { z } from 'zod';
import { type ScorecardSettings, scorecardOfDocument } from '../app/scorecard/documentScorecard';
import { toDocument, type WorkbookKpi } from '../app/scorecard/workbookKpis';
import type { BenchmarkRow } from '../core/kpi/benchmarks';
import { parseDocument } from '../core/model/document';
import type { WorkbookDocument } from '../core/model/documentSchema';
import { parseScorecardResults, viewKeyOf } from './scorecardResults';
import type { ScorecardResults } from './scorecardTypes';

/**
 * Results shipped with a workbook's tables (the demo's: samples/generate.ts writes them
 * with the real runner), to paint before the engine has the tables. They name what they
 * were computed from: each table by the SHA-256 of its bytes, the document whose KPIs
 * and settings they show.
 */
export interface ShippedResults {
  /** Table file name → SHA-256 (hex) of the bytes the table is inserted from. */
  readonly tables: Readonly<Record<string, string>>;
  readonly document: unknown;
  readonly results: unknown;
}

/** What the page has open when the shipped results arrive: they are shown only if they belong to it. */
export interface OpenWork {
  /** The digests of the tables being loaded, by the same names. */
  readonly digests: Readonly<Record<string, string>>;
  /** The scorecard the app will compute once those tables are in: the KPIs it lists for them, its settings now. */
  readonly scorecard: {
    readonly kpis: readonly WorkbookKpi[];
    readonly settings: ScorecardSettings;
    readonly userBenchmarks: readonly BenchmarkRow[];
  };
  /** The day on this machine (ISO). */
  readonly today: string;
}

type ShippedMatch =
  | { readonly ok: true; readonly doc: WorkbookDocument; readonly results: ScorecardResults }
  | { readonly ok: false; readonly reason: string };

const ShippedSchema = z.object({
  tables: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  document: z.unknown(),
  results: z.unknown(),
});

function sameTables(shipped: Readonly<Record<string, string>>, open: Readonly<Record<string, string>>) {
  const names = new Set([...Object.keys(shipped), ...Object.keys(open)]);
  for (const name of [...names].sort())
    if (shipped[name] !== open[name])
      return open[name] === undefined
        ? `the results were computed with a table ${name} that is not being loaded`
        : shipped[name] === undefined
          ? `the table ${name} being loaded was not there when the results were computed`
          : `the table ${name} being loaded is not the one the results were computed from`;
  return null;
}

type Shipped = { readonly doc: WorkbookDocument; readonly results: ScorecardResults };
type Check = (s: Shipped, open: OpenWork) => string | null;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The scorecard a document opens on over the open one's settings, KPIs in their document form. */
function opened(doc: WorkbookDocument, open: OpenWork) {
  const sc = scorecardOfDocument(doc, open.scorecard.settings);
  return { ...sc, key: viewKeyOf(sc.kpis, sc.settings) };
}

// Each rule names why the results do not belong; the first that speaks refuses them. Whatever
// the preview adopts (KPIs, targets, settings, benchmarks) stays after the computed run, so the
// shipped document must hold exactly what the app would have without it.
const RULES: readonly Check[] = [
  ({ doc, results }, open) =>
    results.viewKey === opened(doc, open).key
      ? null
      : 'the results were computed for another document than the one shipped with them',
  ({ doc }, open) =>
    same(opened(doc, open).kpis.map(toDocument), open.scorecard.kpis.map(toDocument))
      ? null
      : 'the shipped KPIs are not the ones the app lists for these tables',
  ({ doc }, open) =>
    same(opened(doc, open).settings, open.scorecard.settings)
      ? null
      : 'the results were computed for another range, grain, calendar, breakdown, industry or currency than the open scorecard’s',
  ({ doc }, open) =>
    same(opened(doc, open).userBenchmarks, open.scorecard.userBenchmarks)
      ? null
      : 'the results were computed with other benchmarks than the open scorecard’s',
  // A period that has not ended by today gets figures to date, which depend on the day:
  // results are only timeless when every period they show ended before today.
  ({ results }, open) => {
    const last = results.view.periods.at(-1);
    if (last === undefined) return 'the results show no period';
    return last.end !== '' && last.end < open.today
      ? null
      : `the results’ last period (${last.label}) has not ended before today, so its figures depend on the day`;
  },
];

/**
 * Whether shipped results belong to what is open, and if so the document and results
 * to preview. Checked, never trusted: the file is data like any other.
 */
export function matchShipped(value: unknown, open: OpenWork): ShippedMatch {
  const shape = ShippedSchema.safeParse(value);
  if (!shape.success) return { ok: false, reason: 'the shipped results are not in the expected form' };
  const tables = sameTables(shape.data.tables, open.digests);
  if (tables !== null) return { ok: false, reason: tables };
  const parsed = parseDocument(shape.data.document);
  if (!parsed.ok) return { ok: false, reason: `the shipped document could not be read: ${parsed.error}` };
  const results = parseScorecardResults(shape.data.results);
  if (results === null) return { ok: false, reason: 'the shipped results are not in the expected form' };
  const shipped = { doc: parsed.doc, results };
  for (const rule of RULES) {
    const reason = rule(shipped, open);
    if (reason !== null) return { ok: false, reason };
  }
  return { ok: true, ...shipped };
}
