import { t } from '../../i18n/t';

export type Outcome = 'won' | 'lost' | 'open';

interface Props {
  values: readonly string[];
  outcomes: Readonly<Record<string, Outcome>>;
  onChange(value: string, outcome: Outcome): void;
}

const OUTCOMES: readonly Outcome[] = ['won', 'lost', 'open'];

/** Each distinct stage value with what it means; suggested from the words exports use, editable. */
export function StageOutcomes({ values, outcomes, onChange }: Props) {
  if (values.length === 0) return <p className="muted">{t('mapping.stagesNone')}</p>;
  return (
    <table className="map-table">
      <thead>
        <tr>
          <th scope="col">{t('mapping.stageValue')}</th>
          <th scope="col">{t('mapping.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {values.map((v) => (
          <tr key={v}>
            <th scope="row" className="map-value">
              {v}
            </th>
            <td>
              <select
                aria-label={`${t('mapping.outcome')}: ${v}`}
                data-stage={v}
                value={outcomes[v] ?? 'open'}
                className={`map-outcome ${outcomes[v] ?? 'open'}`}
                onChange={(e) => onChange(v, e.target.value as Outcome)}
              >
                {OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`mapping.${o}`)}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
