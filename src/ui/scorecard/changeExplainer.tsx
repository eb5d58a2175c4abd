import './changeExplainer.css';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ExplainResult } from '../../core/analysis/explain';
import { breakdownColumns } from '../../core/model/scorecardSchema';
import { explainSentence } from '../../i18n/explainSentence';
import { kpiLabel } from '../../i18n/kpi';
import { localeSettings } from '../../i18n/locale';
import { t } from '../../i18n/t';
import type { WorkbookKpi } from '../../state/scorecardStore';
import { explainChoiceStore, mappingStore } from '../appRoot';
import { useData } from '../appStore';
import { WaterfallChart } from '../charts/waterfallChart';
import { useMapping } from '../mapping/mappingApp';
import { type ExplainChoice, explainScorecardKpi } from './explainApp';
import { useScorecard } from './scorecardApp';

type Shown =
  | { readonly t: 'idle' }
  | { readonly t: 'pending' }
  | { readonly t: 'done'; readonly result: ExplainResult }
  | { readonly t: 'failed'; readonly error: string };

const REFUSAL_KEYS = {
  'unknown-kpi': 'explain.unknownKpi',
  'not-decomposable': 'explain.notDecomposable',
  'no-period': 'explain.noPeriod',
  formula: 'explain.formula',
} as const;

/** The outcome in words: the sentence for an explained change, the reason for a refusal. */
function Outcome({ kpi, by, shown }: { kpi: WorkbookKpi; by: string; shown: Shown }) {
  if (shown.t === 'idle') return null;
  if (shown.t === 'pending') return <p className="muted">{t('explain.pending')}</p>;
  if (shown.t === 'failed')
    return (
      <p className="sc-failure" role="status" data-testid="explain-refusal">
        {t('explain.failed', { message: shown.error })}
      </p>
    );
  const r = shown.result;
  if (r.t !== 'explained')
    return (
      <p className="sc-failure" role="status" data-testid="explain-refusal">
        {t(REFUSAL_KEYS[r.t], { kpi: kpiLabel(kpi) })}
      </p>
    );
  const sentence = explainSentence(
    { kpi: kpiLabel(kpi), a: r.a.label, b: r.b.label, contribution: r, percent: kpi.format === 'percent' },
    localeSettings(),
  );
  return (
    <>
      <p className="sc-explain-sentence" data-testid="explain-sentence">
        {sentence}
      </p>
      <WaterfallChart input={{ kpi, result: r, by }} />
    </>
  );
}

/**
 * "Why did it change?": the selected KPI's change between two periods split by a
 * dimension (src/app/contribution.ts), as a sentence and a waterfall. The dimension chosen
 * stays for the next KPI; a newer KPI or choice wins over a request still running.
 */
export function ChangeExplainer({ kpi }: { kpi: WorkbookKpi }) {
  const breakdown = useScorecard((s) => s.settings.breakdown);
  const grain = useScorecard((s) => s.settings.grain);
  const calendar = useScorecard((s) => s.settings.calendar);
  // A new evaluation of the KPI (new data, a new range) may change the answer too.
  const evaluation = useScorecard((s) => s.evaluations[kpi.id]);
  const loaded = useData((s) => s.tables);
  const views = useMapping((s) => s.viewsVersion);
  // The Breakdown select's choices: text columns of the tables the KPIs run on.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the loaded tables and views version name what the mapping store's tables are made of
  const dimensions = useMemo(
    () => breakdownColumns(mappingStore.getState().scorecardTables()),
    [loaded, views],
  );
  const choice = useStore(explainChoiceStore);
  const by = choice.by ?? breakdown ?? '';
  const period = choice.period;
  const setBy = (next: string) => explainChoiceStore.setState({ by: next });
  const setPeriod = (next: ExplainChoice['period']) => explainChoiceStore.setState({ period: next });
  const [shown, setShown] = useState<Shown>({ t: 'idle' });
  const latest = useRef(0);
  const id = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: grain, calendar and a new evaluation change the answer
  useEffect(() => {
    const request = ++latest.current;
    if (by === '') {
      setShown({ t: 'idle' });
      return;
    }
    setShown({ t: 'pending' });
    // Only the newest request may show its answer: an older one finishing late is dropped.
    const show = (next: Shown) => {
      if (request === latest.current) setShown(next);
    };
    explainScorecardKpi({ kpiId: kpi.id, by, period }).then(
      (result) => show({ t: 'done', result }),
      (e: unknown) => show({ t: 'failed', error: e instanceof Error ? e.message : String(e) }),
    );
  }, [kpi.id, kpi.formula, by, period, grain, calendar, evaluation]);

  return (
    <div className="panel-section sc-explain" data-testid="change-explainer">
      <h3>{t('explain.heading')}</h3>
      <div className="sc-explain-controls">
        <label className="sc-field" htmlFor={`${id}-by`}>
          <span>{t('explain.by')}</span>
          <select id={`${id}-by`} value={by} onChange={(e) => setBy(e.target.value)}>
            <option value="">{t('explain.pickDimension')}</option>
            {dimensions.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label className="sc-field" htmlFor={`${id}-period`}>
          <span>{t('explain.compare')}</span>
          <select
            id={`${id}-period`}
            value={period}
            onChange={(e) => setPeriod(e.target.value === 'yoy' ? 'yoy' : 'latest')}
          >
            <option value="latest">{t('explain.vsPrevious')}</option>
            <option value="yoy">{t('explain.vsLastYear')}</option>
          </select>
        </label>
      </div>
      <Outcome kpi={kpi} by={by} shown={shown} />
    </div>
  );
}
