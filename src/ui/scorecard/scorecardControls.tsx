import { useId, useMemo } from 'react';
import { INDUSTRIES } from '../../core/kpi/benchmarks';
import { industryLabelIn } from '../../core/kpi/catalogFa';
import { breakdownColumns } from '../../core/model/scorecardSchema';
import { CALENDARS, type CalendarKind, GRAINS, type Grain } from '../../core/sql/calendarSchema';
import { CURRENCIES } from '../../i18n/format';
import { activeLocale } from '../../i18n/locale';
import { t } from '../../i18n/t';
import { mappingStore, scorecardStore } from '../appRoot';
import { useData } from '../appStore';
import { DateField, shownDate } from '../dateField';
import { useMapping } from '../mapping/mappingApp';
import { useScorecard } from './scorecardApp';

const GRAIN_KEYS = {
  day: 'grain.day',
  week: 'grain.week',
  month: 'grain.month',
  quarter: 'grain.quarter',
  year: 'grain.year',
} as const satisfies Record<Grain, string>;

const CALENDAR_KEYS = {
  gregorian: 'calendar.gregorian',
  jalali: 'calendar.jalali',
} as const satisfies Record<CalendarKind, string>;

const rangeProblem = (from: string, to: string) =>
  t('dateEntry.order', { from: shownDate(from), to: shownDate(to) });

/** Grain, range, calendar, breakdown and industry: every change recomputes the sheet. */
export function ScorecardControls() {
  const settings = useScorecard((s) => s.settings);
  const range = useScorecard((s) => s.range);
  // The tables the KPIs run on: mapped files as their views, every raw column kept.
  const loaded = useData((s) => s.tables);
  const views = useMapping((s) => s.viewsVersion);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the loaded tables and views version name what the mapping store's tables are made of
  const breakdowns = useMemo(
    () => breakdownColumns(mappingStore.getState().scorecardTables()),
    [loaded, views],
  );
  const s = scorecardStore.getState();
  const to = settings.to ?? range?.to ?? '';
  const from = settings.from ?? range?.from ?? '';
  const id = useId();

  return (
    <div className="sc-controls" role="toolbar" aria-label={t('scorecard.controls')}>
      <label className="sc-field">
        <span>{t('scorecard.grain')}</span>
        <select value={settings.grain} onChange={(e) => void s.setGrain(e.target.value as Grain)}>
          {GRAINS.map((g) => (
            <option key={g} value={g}>
              {t(GRAIN_KEYS[g])}
            </option>
          ))}
        </select>
      </label>
      <div className="sc-field">
        <label htmlFor={`${id}-from`}>{t('scorecard.from')}</label>
        <DateField
          id={`${id}-from`}
          value={from}
          check={(iso) => (to && iso > to ? rangeProblem(iso, to) : null)}
          onCommit={(iso) => void s.setRange(iso, settings.to)}
        />
      </div>
      <div className="sc-field">
        <label htmlFor={`${id}-to`}>{t('scorecard.to')}</label>
        <DateField
          id={`${id}-to`}
          value={to}
          check={(iso) => (from && iso < from ? rangeProblem(from, iso) : null)}
          onCommit={(iso) => void s.setRange(settings.from, iso)}
        />
      </div>
      <label className="sc-field">
        <span>{t('scorecard.calendar')}</span>
        <select
          value={settings.calendar}
          onChange={(e) => void s.setCalendar(e.target.value as CalendarKind)}
        >
          {CALENDARS.map((c) => (
            <option key={c} value={c}>
              {t(CALENDAR_KEYS[c])}
            </option>
          ))}
        </select>
      </label>
      <label className="sc-field">
        <span>{t('scorecard.breakdown')}</span>
        <select
          value={settings.breakdown ?? ''}
          onChange={(e) => void s.setBreakdown(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t('scorecard.noBreakdown')}</option>
          {breakdowns.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <label className="sc-field">
        <span>{t('scorecard.industry')}</span>
        <select value={settings.industry} onChange={(e) => s.setIndustry(e.target.value)}>
          {INDUSTRIES.map((i) => (
            <option key={i.key} value={i.key}>
              {industryLabelIn(activeLocale(), i)}
            </option>
          ))}
        </select>
      </label>
      <label className="sc-field">
        <span>{t('currency.label')}</span>
        <select value={settings.currency} onChange={(e) => s.setCurrency(e.target.value)}>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {t(`currency.${c}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
