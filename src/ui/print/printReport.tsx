import './print.css';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { KpiReport } from '../../core/export/scorecardReport';
import { INDUSTRIES } from '../../core/kpi/benchmarks';
import { industryLabelIn } from '../../core/kpi/catalogFa';
import { formatDate, formatPeriodLabel } from '../../i18n/format';
import { kpiLabel } from '../../i18n/kpi';
import { activeLocale } from '../../i18n/locale';
import { t } from '../../i18n/t';
import { shownDate } from '../dateField';
import { PrintIcon } from '../export/exportIcons';
import { familyLabel } from '../scorecard/families';
import { changeClass, formatChange, formatKpiExact, unitLabel } from '../scorecard/formatKpi';
import { StatusBadge } from '../scorecard/statusBadge';
import type { PrintData } from './printData';

function industryName(key: string): string {
  const industry = INDUSTRIES.find((i) => i.key === key);
  return industry === undefined ? key : industryLabelIn(activeLocale(), industry);
}

function KpiLine({ r }: { r: KpiReport }) {
  const p = r.periods.at(-1);
  const k = r.kpi;
  const change = (c: NonNullable<typeof p>['previous'] | undefined) =>
    c === undefined ? t('value.blank') : <span className={changeClass(c)}>{formatChange(c, k)}</span>;
  return (
    <tr data-kpi={k.id}>
      <th scope="row">
        {kpiLabel(k)} <span className="print-unit">{unitLabel(k)}</span>
      </th>
      <td className="print-period">{p?.period ? formatPeriodLabel(p.period) : t('value.blank')}</td>
      <td className="num">{formatKpiExact(p?.value ?? null, k)}</td>
      <td className="num">{change(p?.previous)}</td>
      <td className="num">{change(p?.lastYear)}</td>
      <td className="num">{formatKpiExact(k.target, k)}</td>
      <td className="num">{k.target === null ? t('value.blank') : change(p?.target)}</td>
      <td className="num">{formatKpiExact(r.benchmark, k)}</td>
      <td className="print-status">
        <StatusBadge status={p?.status ?? 'none'} />
      </td>
    </tr>
  );
}

/** The report itself: what goes on paper. */
function ReportPages({ data }: { data: PrintData }) {
  const { settings, periods } = data;
  const count = data.groups.reduce((n, g) => n + g.kpis.length, 0);
  return (
    <article className="print-page">
      <header className="print-head">
        <h1>{data.title}</h1>
        <p className="print-sub">{t('print.subtitle', { date: formatDate(data.printedAt.getTime()) })}</p>
        <p className="print-settings">
          {t('print.settings', {
            grain: t(`grain.${settings.grain}`),
            calendar: t(`calendar.${settings.calendar}`),
            from: shownDate(periods[0]?.start ?? settings.from) || t('value.blank'),
            to: shownDate(periods.at(-1)?.end ?? settings.to) || t('value.blank'),
            industry: industryName(settings.industry),
          })}{' '}
          · {t('print.kpiCount', { count })}
        </p>
      </header>
      {count === 0 && <p>{t('print.noKpis')}</p>}
      {data.groups.map((g) => (
        <section key={g.key} className="print-group">
          <h2>{g.key === 'kri' ? t('scorecard.kriGroup') : familyLabel(g.key)}</h2>
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">{t('scorecard.col.kpi')}</th>
                <th scope="col">{t('export.col.period')}</th>
                <th scope="col" className="num">
                  {t('scorecard.col.latest')}
                </th>
                <th scope="col" className="num">
                  {t('scorecard.col.prev')}
                </th>
                <th scope="col" className="num">
                  {t('scorecard.col.yoy')}
                </th>
                <th scope="col" className="num">
                  {t('scorecard.col.target')}
                </th>
                <th scope="col" className="num">
                  {t('scorecard.col.vsTarget')}
                </th>
                <th scope="col" className="num">
                  {t('scorecard.col.benchmark')}
                </th>
                <th scope="col">{t('scorecard.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {g.kpis.map((r) => (
                <KpiLine key={r.kpi.id} r={r} />
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {data.charts.length > 0 && (
        <section className="print-charts">
          <h2>{t('print.charts')}</h2>
          <p className="print-sub">{t('print.chartsHint')}</p>
          {data.charts.map((c) => (
            <figure key={c.id} className="print-chart" data-chart={c.id}>
              <figcaption>{kpiLabel(c)}</figcaption>
              <img src={c.image} alt={kpiLabel(c)} />
            </figure>
          ))}
        </section>
      )}
      {data.notes.length > 0 && (
        <section className="print-notes" data-testid="print-notes">
          <h2>{t('notes.heading')}</h2>
          <ul>
            {data.notes.map(({ kpi, note }) => (
              <li key={note.id}>
                <strong>{kpiLabel(kpi)}</strong> · {formatDate(Date.parse(note.date))}: {note.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer className="print-foot">{t('print.footer')}</footer>
    </article>
  );
}

/** The print view over the app: a preview with Print and Close on screen, only the report on paper. */
function PrintReport({ data, onClose }: { data: PrintData; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cancelled = false;
    // The charts are images; printing before they decode would leave holes in the page.
    const images = Array.from(ref.current?.querySelectorAll('img') ?? []);
    void Promise.all(images.map((i) => i.decode().catch(() => undefined))).then(() => {
      if (!cancelled) window.print();
    });
    const after = () => onClose();
    window.addEventListener('afterprint', after);
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', esc);
    return () => {
      cancelled = true;
      window.removeEventListener('afterprint', after);
      window.removeEventListener('keydown', esc);
    };
  }, [onClose]);
  return (
    <div
      className="print-report"
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-label={t('print.dialogLabel')}
    >
      <div className="print-chrome">
        <button type="button" className="btn primary" onClick={() => window.print()}>
          <PrintIcon />
          {t('print.print')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('print.close')}
        </button>
      </div>
      <ReportPages data={data} />
    </div>
  );
}

/** "Print report": gathers the scorecard and its charts, shows the print view and opens the print dialog. */
export function PrintReportButton() {
  const [data, setData] = useState<PrintData | null>(null);
  const [preparing, setPreparing] = useState(false);
  const close = useRef(() => setData(null)).current;
  return (
    <>
      <button
        type="button"
        className="btn"
        title={t('print.buttonHint')}
        disabled={preparing}
        onClick={() => {
          setPreparing(true);
          // The report's chart code (ECharts) is fetched on the first print.
          void import('./printData')
            .then((m) => m.preparePrint())
            .then(setData)
            .finally(() => setPreparing(false));
        }}
      >
        <PrintIcon />
        {preparing ? t('print.preparing') : t('print.button')}
      </button>
      {data !== null && createPortal(<PrintReport data={data} onClose={close} />, document.body)}
    </>
  );
}
