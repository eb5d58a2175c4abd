import type { UnavailableGroup } from '../../core/kpi/unavailableGroups';
import { ltr } from '../../i18n/isolate';
import { t } from '../../i18n/t';
import { showKind } from '../appRoot';
import { ChevronIcon } from '../icons';
import type { Row } from './scorecardRows';
import { scorecardViewStore } from './scorecardView';

const SHOWN = 3;

/** "a, b or c": every name, kept as written, left to right. */
function orList(names: readonly string[]): string {
  const shown = names.map(ltr);
  if (shown.length < 2) return shown.join('');
  return `${shown.slice(0, -1).join(t('scorecard.fold.and'))}${t('scorecard.fold.or')}${shown.at(-1)}`;
}

/** Columns can be many: the first three, then "and 2 more". */
function shortList(names: readonly string[]): string {
  if (names.length <= SHOWN) return orList(names);
  return t('scorecard.fold.more', {
    list: names.slice(0, SHOWN).map(ltr).join(t('scorecard.fold.and')),
    n: names.length - SHOWN,
  });
}

/** "15 customer KPIs need a customers or surveys table", from the columns the KPIs lack. */
function foldText(g: UnavailableGroup): string {
  const params = {
    count: g.ids.length,
    family: t(`fold.${g.family}`),
    tables: orList(g.tables),
    columns: shortList(g.columns),
  };
  if (g.tables.length > 0 && g.columns.length > 0) return t('scorecard.fold.both', params);
  return t(g.tables.length > 0 ? 'scorecard.fold.tables' : 'scorecard.fold.columns', params);
}

/** The folded line: opens onto the family's unavailable KPIs; "map one" goes where tables are mapped. */
export function FoldLine({ row }: { row: Extract<Row, { kind: 'fold' }> }) {
  const { group, open } = row;
  return (
    <div className="sc-fold" data-fold={group.family} data-count={group.ids.length}>
      <button
        type="button"
        className="sc-fold-toggle"
        aria-expanded={open}
        title={open ? t('scorecard.fold.hide') : t('scorecard.fold.show', { count: group.ids.length })}
        onClick={() => scorecardViewStore.getState().toggleFold(group.family)}
      >
        <ChevronIcon className="icon sc-fold-chevron" />
        <span className="sc-fold-text">{foldText(group)}</span>
      </button>
      <span className="sc-fold-colon" aria-hidden="true">
        :
      </span>
      <button type="button" className="link-button" onClick={() => showKind('data')}>
        {group.tables.length > 0 ? t('scorecard.fold.mapOne') : t('scorecard.fold.mapColumns')}
      </button>
    </div>
  );
}
