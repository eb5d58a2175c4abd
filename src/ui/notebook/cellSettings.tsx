import { PIVOT_AGGREGATES, type PivotAggregate } from '../../core/analysis/pivot';
import { RFM_SEGMENTS, rfmCell } from '../../core/analysis/rfm';
import { configStrings } from '../../core/notebook/config';
import type { NotebookMessage } from '../../core/notebook/messages';
import type { CellKind, JsonValue, NotebookCell } from '../../core/notebook/types';
import type { MessageKey } from '../../i18n/en';
import { notebookMessageText } from '../../i18n/notebookMessages';
import { t } from '../../i18n/t';
import { rfmSegmentName } from './rfmNames';

/** A choice: the value the cell's settings hold and the message it is shown as. */
type Option = readonly [value: string, label: MessageKey];

type Field =
  | { key: string; label: MessageKey; type: 'text' | 'number' }
  /** A column of the cell's table: typed or picked from the table's columns. */
  | { key: string; label: MessageKey; type: 'column' }
  | { key: string; label: MessageKey; type: 'list' }
  | { key: string; label: MessageKey; type: 'select'; options: readonly Option[] };

const GRAIN = {
  key: 'grain',
  label: 'notebook.field.grain',
  type: 'select',
  options: [
    ['day', 'grain.day'],
    ['week', 'grain.week'],
    ['month', 'grain.month'],
    ['quarter', 'grain.quarter'],
    ['year', 'grain.year'],
  ],
} as const;

const AGGREGATE_LABELS = {
  sum: 'notebook.aggregate.sum',
  avg: 'notebook.aggregate.avg',
  count: 'notebook.aggregate.count',
  min: 'notebook.aggregate.min',
  max: 'notebook.aggregate.max',
  median: 'notebook.aggregate.median',
} as const satisfies Record<PivotAggregate, MessageKey>;

const RANGE = { key: 'range', label: 'notebook.field.range', type: 'text' } as const;
const TABLE = { key: 'table', label: 'notebook.field.table', type: 'text' } as const;

/** The settings each kind shows; kinds without any are edited through their text. */
const FIELDS: Partial<Record<CellKind, readonly Field[]>> = {
  kpiTable: [{ key: 'kpis', label: 'notebook.field.kpis', type: 'list' }, GRAIN, RANGE],
  kpiChart: [
    { key: 'kpis', label: 'notebook.field.kpis', type: 'list' },
    GRAIN,
    { key: 'periods', label: 'notebook.field.periods', type: 'number' },
    RANGE,
  ],
  segmentCompare: [
    { key: 'kpi', label: 'notebook.field.kpi', type: 'text' },
    { key: 'breakdown', label: 'notebook.field.breakdown', type: 'text' },
    GRAIN,
    { key: 'periods', label: 'notebook.field.periods', type: 'number' },
  ],
  contribution: [
    { key: 'kpi', label: 'notebook.field.kpi', type: 'text' },
    { key: 'breakdown', label: 'explain.by', type: 'text' },
    {
      key: 'period',
      label: 'explain.compare',
      type: 'select',
      options: [
        ['latest', 'explain.vsPrevious'],
        ['yoy', 'explain.vsLastYear'],
      ],
    },
    GRAIN,
  ],
  pivot: [
    TABLE,
    { key: 'rows', label: 'notebook.field.rows', type: 'column' },
    { key: 'columns', label: 'notebook.field.columns', type: 'column' },
    { key: 'value', label: 'notebook.field.value', type: 'column' },
    {
      key: 'aggregate',
      label: 'notebook.field.aggregate',
      type: 'select',
      options: (Object.keys(PIVOT_AGGREGATES) as PivotAggregate[]).map(
        (a) => [a, AGGREGATE_LABELS[a]] as const,
      ),
    },
  ],
  rfm: [TABLE],
  keyDrivers: [
    TABLE,
    {
      key: 'outcome',
      label: 'notebook.field.outcome',
      type: 'select',
      options: [
        ['csat', 'notebook.outcome.csat'],
        ['nps', 'notebook.outcome.nps'],
        ['ces', 'notebook.outcome.ces'],
      ],
    },
  ],
  cohort: [TABLE, { key: 'cohorts', label: 'notebook.field.cohorts', type: 'number' }],
  funnel: [
    TABLE,
    {
      key: 'groupBy',
      label: 'notebook.field.groupBy',
      type: 'select',
      options: [
        ['source', 'notebook.groupBy.source'],
        ['quarter', 'notebook.groupBy.quarter'],
        ['none', 'notebook.groupBy.none'],
      ],
    },
  ],
};

function display(v: JsonValue | undefined): string {
  if (Array.isArray(v)) return v.join(', ');
  return v === null || v === undefined ? '' : String(v);
}

export function hasSettings(kind: CellKind): boolean {
  return FIELDS[kind] !== undefined;
}

/** The problem a run reported about one setting (a column its table lacks), if any. */
function fieldProblem(problems: readonly NotebookMessage[], key: string): NotebookMessage | undefined {
  return problems.find((p) => p.code === 'unknown-field' && (p.params as { field?: string }).field === key);
}

/**
 * A row of labelled fields; each change is applied when the field loses focus or a select
 * changes. Column fields offer the columns of the cell's table (`columns`) as a list, and
 * show the run's problem with them (a typo and its closest column) under the field.
 */
export function CellSettings({
  cell,
  onChange,
  columns = [],
  problems = [],
}: {
  cell: NotebookCell;
  onChange(patch: Record<string, JsonValue>): void;
  columns?: readonly string[];
  problems?: readonly NotebookMessage[];
}) {
  const fields = FIELDS[cell.kind] ?? [];
  return (
    <div className="nb-settings">
      {fields.map((f) => {
        const id = `${cell.id}-${f.key}`;
        const value = display(cell.config[f.key]);
        const problem = f.type === 'column' ? fieldProblem(problems, f.key) : undefined;
        return (
          <label key={f.key} htmlFor={id} className={f.type === 'list' ? 'wide' : undefined}>
            <span>{t(f.label)}</span>
            {f.type === 'select' ? (
              <select id={id} value={value} onChange={(e) => onChange({ [f.key]: e.target.value })}>
                {f.options.map(([o, label]) => (
                  <option key={o} value={o}>
                    {t(label)}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                key={value}
                // KPI ids, tables and columns are names in code: they read left to right on any page.
                dir="ltr"
                type={f.type === 'number' ? 'number' : 'text'}
                defaultValue={value}
                list={f.type === 'column' ? `${id}-list` : undefined}
                title={
                  f.type === 'column'
                    ? t('notebook.pivot.pick', { table: display(cell.config.table) })
                    : undefined
                }
                aria-invalid={problem !== undefined}
                aria-describedby={problem !== undefined ? `${id}-problem` : undefined}
                onBlur={(e) => {
                  const raw = e.target.value.trim();
                  if (raw === value) return;
                  const next: JsonValue =
                    f.type === 'number'
                      ? Number(raw)
                      : f.type === 'list'
                        ? raw.split(/[,\s]+/).filter((x) => x !== '')
                        : raw;
                  onChange({ [f.key]: next });
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') e.currentTarget.blur();
                }}
              />
            )}
            {f.type === 'column' && (
              <datalist id={`${id}-list`}>
                {columns.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            )}
            {problem !== undefined && (
              <span id={`${id}-problem`} className="nb-field-problem">
                {notebookMessageText(problem)}
              </span>
            )}
          </label>
        );
      })}
      {cell.kind === 'rfm' && <RfmMapEditor cell={cell} onChange={onChange} />}
    </div>
  );
}

/** The R×F segment map as a 5 × 5 grid of pickers: the convention, made editable. */
function RfmMapEditor({
  cell,
  onChange,
}: {
  cell: NotebookCell;
  onChange(patch: Record<string, JsonValue>): void;
}) {
  const map = configStrings(cell.config, 'map', []);
  if (map.length !== 25) return null;
  const scores = [5, 4, 3, 2, 1];
  return (
    <fieldset className="nb-rfm-map">
      <legend>{t('notebook.field.segmentMap')}</legend>
      <table>
        <thead>
          <tr>
            <th scope="col">R \ F</th>
            {[1, 2, 3, 4, 5].map((f) => (
              <th key={f} scope="col">
                F{f}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scores.map((r) => (
            <tr key={r}>
              <th scope="row">R{r}</th>
              {[1, 2, 3, 4, 5].map((f) => (
                <td key={f}>
                  <select
                    aria-label={`R${r} F${f}`}
                    value={rfmCell(map, r, f)}
                    onChange={(e) => {
                      const next = [...map];
                      next[(r - 1) * 5 + (f - 1)] = e.target.value;
                      onChange({ map: next });
                    }}
                  >
                    {RFM_SEGMENTS.map((s) => (
                      <option key={s} value={s}>
                        {rfmSegmentName(s)}
                      </option>
                    ))}
                  </select>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
