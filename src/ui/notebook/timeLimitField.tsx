import { t } from '../../i18n/t';
import { timeLimitStore } from '../appRoot';
import { useTimeLimit } from '../timeLimitApp';

/** The workbook's query time limit in seconds, edited where queries are run. */
export function TimeLimitField() {
  const seconds = useTimeLimit((s) => s.seconds);
  return (
    <label className="nb-time-limit" title={t('notebook.timeLimitHint')}>
      {t('notebook.timeLimit')}
      <input
        key={seconds}
        type="number"
        min={1}
        max={3600}
        step={1}
        defaultValue={seconds}
        aria-label={t('notebook.timeLimit')}
        onBlur={(e) => timeLimitStore.getState().setSeconds(Number(e.target.value))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
    </label>
  );
}
