import type { RFM_SEGMENTS } from '../../core/analysis/rfm';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/t';

/** RFM segments keep their English names in the settings (a workbook reads the same anywhere); these are how they are shown. */
const RFM_SEGMENT_LABELS = {
  Champions: 'notebook.rfm.champions',
  Loyal: 'notebook.rfm.loyal',
  'Potential loyalists': 'notebook.rfm.potentialLoyalists',
  New: 'notebook.rfm.new',
  Promising: 'notebook.rfm.promising',
  'Need attention': 'notebook.rfm.needAttention',
  'About to sleep': 'notebook.rfm.aboutToSleep',
  'At risk': 'notebook.rfm.atRisk',
  "Can't lose them": 'notebook.rfm.cantLose',
  Hibernating: 'notebook.rfm.hibernating',
} as const satisfies Record<(typeof RFM_SEGMENTS)[number], MessageKey>;

/** An RFM segment's name in the page's language; a name the map does not know is shown as written. */
export function rfmSegmentName(segment: string): string {
  const key = (RFM_SEGMENT_LABELS as Record<string, MessageKey | undefined>)[segment];
  return key === undefined ? segment : t(key);
}
