import { useEffect, useRef, useState } from 'react';
import type { TableMapping } from '../../core/model/mapping';
import { judgePlausibility, type Plausibility } from '../../core/model/mappingPlausibility';
import { formatCount } from '../../i18n/format';
import { isoDay, plausibilityWarningText, spanLabel, spanValue } from '../../i18n/plausibility';
import { t } from '../../i18n/t';
import { mappingStore } from '../appRoot';
import { WarnIcon } from '../icons';

// Typing a formula or a constant changes the mapping at every key: measure once the typing pauses.
const SETTLE_MS = 300;

type State = { phase: 'measuring' } | { phase: 'failed' } | { phase: 'done'; p: Plausibility | null };

/**
 * The dates the mapping gives (range, how many rows have one) and the durations KPIs
 * derive from them (median and range), with warnings for what looks wrong, shown
 * before the mapping is applied.
 */
export function PlausibilityPreview({ raw, mapping }: { raw: string; mapping: TableMapping }) {
  const [state, setState] = useState<State>({ phase: 'measuring' });
  const latest = useRef(0);
  const key = JSON.stringify(mapping);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the mapping's content
  useEffect(() => {
    const run = ++latest.current;
    setState({ phase: 'measuring' });
    const timer = setTimeout(() => {
      mappingStore
        .getState()
        .plausibility(raw, mapping)
        .then(
          (p) => run === latest.current && setState({ phase: 'done', p }),
          () => run === latest.current && setState({ phase: 'failed' }),
        );
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [raw, key]);

  if (state.phase === 'done' && state.p === null) return null;
  const table = mapping.canonicalTable;
  return (
    <section className="map-section" aria-label={t('mapping.preview.heading')} data-testid="mapping-preview">
      <h3>{t('mapping.preview.heading')}</h3>
      <p className="faint map-desc">{t('mapping.preview.hint')}</p>
      {state.phase === 'measuring' && <p className="muted">{t('mapping.preview.measuring')}</p>}
      {state.phase === 'failed' && <p className="muted">{t('mapping.preview.failed')}</p>}
      {state.phase === 'done' && state.p !== null && <Measures p={state.p} table={table} />}
    </section>
  );
}

function Measures({ p, table }: { p: Plausibility; table: string }) {
  const warnings = judgePlausibility(p);
  return (
    <>
      {warnings.map((w) => {
        const text = plausibilityWarningText(w, table);
        return (
          <p key={text} className="map-problem warning" data-testid="plausibility-warning">
            <WarnIcon />
            {text}
          </p>
        );
      })}
      <table className="map-table map-preview">
        <tbody>
          {p.dates.map((d) => (
            <tr key={d.column}>
              <th scope="row">
                <code>{d.column}</code>
              </th>
              <td>
                {d.min === null || d.max === null
                  ? t('mapping.preview.noValues')
                  : t('mapping.preview.range', { from: isoDay(d.min), to: isoDay(d.max) })}
              </td>
              <td className="muted">
                {t('mapping.preview.filled', { filled: formatCount(d.filled), rows: formatCount(p.rows) })}
              </td>
            </tr>
          ))}
          {p.spans.map((s) => (
            <tr key={s.rule.id} data-span={s.rule.id}>
              <th scope="row">{spanLabel(s.rule)}</th>
              <td>
                {s.median === null
                  ? t('mapping.preview.noValues')
                  : t('mapping.preview.median', { value: spanValue(s.rule, s.median) })}
              </td>
              <td className="muted">
                {s.min !== null &&
                  s.max !== null &&
                  t('mapping.preview.spanRange', {
                    min: spanValue(s.rule, s.min),
                    max: spanValue(s.rule, s.max),
                    count: formatCount(s.count),
                  })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
