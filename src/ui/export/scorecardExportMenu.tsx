import { t } from '../../i18n/t';
import { scorecardStore, workbookStore } from '../appRoot';
import { ExportMenu } from './exportMenu';
import { scorecardTable } from './scorecardExport';
import { exportBuilt } from './tableExports';

/** Export of the scorecard grid: every KPI with its comparisons, status and period values. */
export function ScorecardExportMenu() {
  const run = (format: 'csv' | 'xlsx') => () => {
    const title = workbookStore.getState().title;
    exportBuilt(scorecardTable(title, scorecardStore.getState()), format, `${title} scorecard`);
  };
  return (
    <ExportMenu
      what={t('tabs.scorecard')}
      note={t('export.scorecardHint')}
      choices={[
        { id: 'csv', label: t('export.csv'), hint: t('export.csvHint'), run: run('csv') },
        { id: 'xlsx', label: t('export.xlsx'), hint: t('export.xlsxHint'), run: run('xlsx') },
      ]}
    />
  );
}
