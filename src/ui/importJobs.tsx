import { formatBytes, formatCount } from '../i18n/format';
import { t } from '../i18n/t';
import type { ImportJob } from '../state/dataStore';
import { dataStore } from './appRoot';
import { useData } from './appStore';

function statusText(job: ImportJob): string {
  if (job.state === 'queued' || !job.progress) return t('import.queued');
  const p = job.progress;
  const parts: string[] = [t(`import.${p.phase}`)];
  const total = p.totalBytes ?? job.totalBytes;
  if (p.bytes !== undefined && total > 0) {
    parts.push(t('import.bytes', { done: formatBytes(p.bytes), total: formatBytes(total) }));
  }
  if (p.rows !== undefined) parts.push(t('import.rows', { count: p.rows }));
  return parts.join(' · ');
}

function fraction(job: ImportJob): number | undefined {
  const p = job.progress;
  if (!p) return undefined;
  const total = p.totalBytes ?? job.totalBytes;
  // Bytes read are only half the work: typing the columns comes after.
  if (p.phase === 'typing') return 0.9;
  if (p.phase === 'done') return 1;
  if (p.bytes !== undefined && total > 0) return (p.bytes / total) * 0.8;
  return undefined;
}

/** Files being loaded, each with its progress and a way to stop it. */
export function ImportJobs() {
  const jobs = useData((s) => s.jobs);
  if (jobs.length === 0) return null;
  return (
    <section className="jobs" aria-label={t('import.heading')} aria-live="polite">
      {jobs.map((job) => {
        const f = fraction(job);
        return (
          <div className="job" key={job.id} data-job={job.fileName}>
            <span className="file" title={job.fileName}>
              {job.fileName}
            </span>
            <span className="status">
              {statusText(job)}
              {job.state === 'queued' && job.totalBytes > 0 ? ` · ${formatBytes(job.totalBytes)}` : ''}
            </span>
            <button
              type="button"
              className="btn small"
              aria-label={t('import.cancelLabel', { file: job.fileName })}
              onClick={() => dataStore.getState().cancelJob(job.id)}
            >
              {t('import.cancel')}
            </button>
            <progress max={1} value={f} aria-label={job.fileName}>
              {f === undefined ? '' : `${formatCount(Math.round(f * 100))}%`}
            </progress>
          </div>
        );
      })}
    </section>
  );
}
