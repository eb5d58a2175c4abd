import type { kpiEntryEn } from './kpiEntry.en';
import type { Message } from './t';

/** Typing a KPI's figures and creating a KPI, in Persian; the same keys as kpiEntry.en.ts. */
export const kpiEntryFa: Partial<Record<keyof typeof kpiEntryEn, Message>> = {
  'kpiFigure.notNumber': '«{text}» عدد نیست؛ آن را مانند ۱۲۰۰ یا ۱۲٫۵ بنویسید.',
  'kpiFigure.notPercent': '«{text}» درصد نیست؛ آن را مانند ۳۵ یا ۳۵٪ بنویسید (هر دو یعنی ۳۵ درصد).',
  'newKpi.unit': 'واحد',
  'newKpi.ratioHint': 'شمارشی تقسیم بر شمارشی دیگر: یک نرخ، که به درصد نشان داده می‌شود.',
  'newKpi.direction': 'کدام سو بهتر است؟',
  'newKpi.up': 'بیشتر بهتر است',
  'newKpi.down': 'کمتر بهتر است',
  'newKpi.context': 'هیچ‌کدام (زمینه)',
  'newKpi.needsDirection': 'انتخاب کنید که مقدار بیشتر بهتر است یا کمتر.',
};
