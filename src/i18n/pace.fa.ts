import type { paceEn } from './pace.en';
import type { Message } from './t';

/** The current period to date and its pace, in Persian; the same keys as pace.en.ts. */
export const paceFa: Partial<Record<keyof typeof paceEn, Message>> = {
  'pace.col': 'تا امروز',
  'pace.colTip': '{from} تا {today}: {days} روز از {total} روزِ {period}. «امروز» آخرین تاریخِ داده‌هاست.',
  'pace.met': 'در مسیر هدف',
  'pace.at-risk': 'در خطر',
  'pace.off-pace': 'عقب از هدف',
  'pace.basis': 'پیش‌بینی پایان دوره {projection}، هدف {target} ({method})',
  'pace.method.run-rate': 'نرخ جاری، هر روزِ هفته با وزنِ هشت هفتهٔ گذشته',
  'pace.method.to-date': 'نرخ یا سطح همان‌جا که هست می‌ماند',
  'pace.cellTip': 'دورهٔ قبل، همان روزها: {previous} · سال قبل، همان روزها: {lastYear}',
  'pace.heading': '{period} تا امروز',
  'pace.days': '{days} روز از {total} روز، تا {today}',
  'pace.value': 'مقدار تا امروز',
  'pace.previous': 'دورهٔ قبل، {days} روزِ اول',
  'pace.lastYear': 'همان روزها در سال قبل',
  'pace.projection': 'پیش‌بینی پایان دوره',
  'pace.target': 'هدف',
  'pace.noTarget': 'برای دیدنِ مسیر، هدفی تعیین کنید.',
  'pace.noDays': 'این دوره هنوز داده‌ای ندارد.',
};
