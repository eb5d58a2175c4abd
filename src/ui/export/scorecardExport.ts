import type { ExportColumn, ExportTable, ExportValue } from '../../core/export/exportTable';
import { reportInput, scorecardReport } from '../../core/export/scorecardReport';
import { t } from '../../i18n/t';
import type { ScorecardState } from '../../state/scorecardStore';
import { familyLabel } from '../scorecard/families';
import { unitLabel } from '../scorecard/formatKpi';

const STATUS_KEYS = {
  good: 'status.good',
  warning: 'status.warning',
  bad: 'status.bad',
  none: 'status.none',
} as const;

/**
 * The scorecard grid as a table to export: one row per KPI in the grid's order, the
 * latest period's comparisons as numbers (value minus the base, so a spreadsheet can
 * compute with them), the status in words with its sign, then every period's value.
 */
export function scorecardTable(title: string, s: ScorecardState): ExportTable {
  const groups = scorecardReport(reportInput(title, s));
  const text = (name: string): ExportColumn => ({ name, kind: 'text' });
  const num = (name: string): ExportColumn => ({ name, kind: 'number' });
  const columns: ExportColumn[] = [
    text(t('export.col.family')),
    text(t('scorecard.col.kpi')),
    text(t('export.col.unit')),
    text(t('export.col.period')),
    num(t('scorecard.col.latest')),
    text(t('scorecard.col.status')),
    num(t('scorecard.col.prev')),
    num(t('scorecard.col.yoy')),
    num(t('scorecard.col.benchmark')),
    num(t('scorecard.col.target')),
    num(t('scorecard.col.vsTarget')),
    num(t('scorecard.col.warning')),
    num(t('scorecard.col.critical')),
    ...s.periods.map((p) => num(p.label)),
  ];
  const rows = groups.flatMap((g) =>
    g.kpis.map((r): ExportValue[] => {
      const k = r.kpi;
      const last = r.periods.at(-1);
      const status = last?.status ?? 'none';
      return [
        g.key === 'kri' ? t('scorecard.kriGroup') : familyLabel(g.key),
        k.label,
        unitLabel(k),
        last?.period ?? null,
        last?.value ?? null,
        status === 'none' ? null : `${last?.statusSign ?? ''} ${t(STATUS_KEYS[status])}`,
        last?.previous.change ?? null,
        last?.lastYear.change ?? null,
        r.benchmark,
        k.target,
        last?.target.change ?? null,
        k.thresholds?.warning ?? null,
        k.thresholds?.critical ?? null,
        ...r.periods.map((p) => p.value),
      ];
    }),
  );
  return { name: title, columns, rows };
}
