import { useEffect, useState } from 'react';
import { hasErrors } from '../../app/mapping/mappingTables';
import { CANONICAL_TABLES, type CanonicalTableName, canonicalTable } from '../../core/model/canonical';
import type { TableMapping } from '../../core/model/mapping';
import { suggestStageOutcome } from '../../core/model/mappingStage';
import type { MappingProblem } from '../../core/model/mappingValidate';
import { canonicalColumnDescription, canonicalTableDescription } from '../../i18n/canonical';
import { mappingProblemText } from '../../i18n/mappingProblems';
import { t } from '../../i18n/t';
import type { MappingDraft } from '../../state/mappingStore';
import { mappingStore } from '../appRoot';
import { useData } from '../appStore';
import { Dialog } from '../dialog';
import { ErrorIcon, WarnIcon } from '../icons';
import { ColumnSource, type ColumnSourceChoice, withSource } from './columnSource';
import { PlausibilityPreview } from './plausibilityPreview';
import { RelationshipsEditor } from './relationshipsEditor';
import { type Outcome, StageOutcomes } from './stageOutcomes';

type Outcomes = Record<string, Outcome>;

function outcomesOf(d: Pick<MappingDraft, 'outcomes'>): Outcomes {
  const out: Outcomes = {};
  for (const v of d.outcomes.won) out[v] = 'won';
  for (const v of d.outcomes.lost) out[v] = 'lost';
  for (const v of d.outcomes.open) out[v] = 'open';
  return out;
}

/** The column deals.won is read from by its values: a text won column, else the stage. */
function outcomeHeader(m: TableMapping, kinds: Record<string, string>): string | undefined {
  if (m.canonicalTable !== 'deals') return undefined;
  const won = m.columns.won;
  if (won !== undefined) return kinds[won] === 'text' ? won : undefined;
  return m.columns.stage;
}

function Problem({ p }: { p: MappingProblem }) {
  return (
    <p className={`map-problem ${p.severity}`} role={p.severity === 'error' ? 'alert' : undefined}>
      {p.severity === 'error' ? <ErrorIcon /> : <WarnIcon />}
      {mappingProblemText(p)}
    </p>
  );
}

/**
 * "Map to the CRM model" for one loaded table: the canonical table (with the CRM
 * preset that recognised it), a column of the file for each canonical column,
 * won / lost / open for each stage value, and the relationships. Problems show
 * beside the column they are about as the user edits; Apply makes the view.
 */
export function MappingDialog({ raw, onClose }: { raw: string; onClose(): void }) {
  const table = useData((s) => s.tables.find((x) => x.name === raw));
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [mapping, setMapping] = useState<TableMapping | null>(null);
  const [values, setValues] = useState<string[]>([]);
  const [outcomes, setOutcomes] = useState<Outcomes>({});
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<MappingProblem[]>([]);
  // Once the user picks a table, "no good match" is no longer the news.
  const [picked, setPicked] = useState(false);

  const load = (target?: CanonicalTableName) => {
    if (target !== undefined) setPicked(true);
    void mappingStore
      .getState()
      .draft(raw, target)
      .then((d) => {
        if (d === null) return;
        setDraft(d);
        setMapping(d.mapping);
        setValues(d.outcomeValues);
        setOutcomes(outcomesOf(d));
        setFailed([]);
      });
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: a draft is read once per table
  useEffect(() => load(), [raw]);

  if (table === undefined) return null;
  const kinds = Object.fromEntries(table.columns.map((c) => [c.name, c.kind]));
  const title = t('mapping.title', { table: raw });

  if (draft === null || mapping === null) {
    return (
      <Dialog title={title} onClose={onClose} footer={null}>
        <p>{t('mapping.loading')}</p>
      </Dialog>
    );
  }

  const canonical = canonicalTable(mapping.canonicalTable);
  const full: TableMapping = {
    canonicalTable: mapping.canonicalTable,
    columns: mapping.columns,
    ...(mapping.computed === undefined ? {} : { computed: mapping.computed }),
    ...(values.length > 0
      ? {
          stageOutcomes: {
            won: values.filter((v) => outcomes[v] === 'won'),
            lost: values.filter((v) => outcomes[v] === 'lost'),
          },
        }
      : {}),
  };
  const problems = [...mappingStore.getState().check(raw, full), ...failed];
  const about = (target: string) => problems.filter((p) => p.target === target);
  const general = problems.filter((p) => !p.target.includes('.'));
  const errors = problems.filter((p) => p.severity === 'error').length;

  const setColumn = (column: string, source: ColumnSourceChoice) => {
    const next = withSource(mapping, column, source);
    setMapping(next);
    setFailed([]);
    const before = outcomeHeader(mapping, kinds);
    const after = outcomeHeader(next, kinds);
    if (after === before) return;
    if (after === undefined) {
      setValues([]);
      setOutcomes({});
      return;
    }
    void mappingStore
      .getState()
      .values(raw, after)
      .then((vs) => {
        setValues(vs);
        setOutcomes(outcomesOf({ outcomes: suggestStageOutcome(vs) }));
      });
  };

  const apply = async () => {
    setBusy(true);
    try {
      const result = await mappingStore.getState().apply(raw, full);
      if (hasErrors(result)) setFailed(result.filter((p) => !problems.some((q) => q.message === p.message)));
      else onClose();
    } finally {
      setBusy(false);
    }
  };

  const recognised = draft.suggestion.table === mapping.canonicalTable ? draft.suggestion.preset : null;
  const sure = (c: number) => `${Math.round(c * 100)} %`;
  const noMatch =
    draft.suggestion.noGoodMatch && !picked && mappingStore.getState().applied[raw] === undefined;
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          {errors > 0 && (
            <span className="error" data-testid="mapping-errors">
              {t('mapping.problems', { count: errors })}
            </span>
          )}
          <button type="button" className="btn" onClick={onClose}>
            {t('mapping.cancel')}
          </button>
          <button
            type="button"
            className="btn primary"
            disabled={busy || errors > 0}
            onClick={() => void apply()}
          >
            {t('mapping.apply')}
          </button>
        </>
      }
    >
      <div className="map-head">
        <label className="map-field">
          <span>{t('mapping.canonicalTable')}</span>
          <select
            value={mapping.canonicalTable}
            onChange={(e) => load(e.target.value as CanonicalTableName)}
            data-testid="mapping-table"
          >
            {CANONICAL_TABLES.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="mapping-recognised">
          {recognised !== null
            ? t('mapping.recognised', { label: recognised.label })
            : noMatch
              ? t('mapping.noMatch', { percent: sure(draft.suggestion.noneLikelihood) })
              : t('mapping.suggested', {
                  percent: sure(
                    draft.suggestion.table === mapping.canonicalTable ? draft.suggestion.confidence : 0,
                  ),
                })}
        </span>
      </div>
      {canonical && <p>{canonicalTableDescription(canonical.name)}</p>}
      {general.map((p) => (
        <Problem key={p.message} p={p} />
      ))}
      <section className="map-section" aria-label={t('mapping.columnsHeading')}>
        <table className="map-table">
          <thead>
            <tr>
              <th scope="col">{t('mapping.canonicalColumn')}</th>
              <th scope="col">{t('mapping.yourColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {canonical?.columns.map((c) => {
              const target = `${mapping.canonicalTable}.${c.name}`;
              const own = about(target);
              return (
                <tr
                  key={c.name}
                  className={own.some((p) => p.severity === 'error') ? 'has-error' : undefined}
                >
                  <th scope="row">
                    <code>{c.name}</code>
                    {c.required && <span className="map-required">{t('mapping.required')}</span>}
                    <div className="faint map-desc">
                      {canonicalColumnDescription(mapping.canonicalTable, c.name)}
                    </div>
                  </th>
                  <td>
                    <ColumnSource
                      column={c.name}
                      target={target}
                      headers={table.columns.map((h) => h.name)}
                      mapping={mapping}
                      onChange={(source) => setColumn(c.name, source)}
                    >
                      {own.map((p) => (
                        <Problem key={p.message} p={p} />
                      ))}
                    </ColumnSource>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <PlausibilityPreview raw={raw} mapping={full} />
      {mapping.canonicalTable === 'deals' && (
        <section className="map-section" aria-label={t('mapping.stagesHeading')}>
          <h3>{t('mapping.stagesHeading')}</h3>
          <StageOutcomes
            values={values}
            outcomes={outcomes}
            onChange={(v, o) => setOutcomes((x) => ({ ...x, [v]: o }))}
          />
        </section>
      )}
      <RelationshipsEditor />
    </Dialog>
  );
}
