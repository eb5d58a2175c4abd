import type { explainEn } from './explain.en';
import type { Message } from './t';

/** "Explain a change" in Persian; the same keys as explain.en.ts. */
export const explainFa: Partial<Record<keyof typeof explainEn, Message>> = {
  'explain.rose': '{kpi} از {a} تا {b} {change} بالا رفت',
  'explain.fell': '{kpi} از {a} تا {b} {change} پایین آمد',
  'explain.flat': '{kpi} از {a} تا {b} تغییری نکرد',
  'explain.drivers': '{headline}: {drivers}',
  'explain.listSeparator': '، ',
  'explain.more': ' …',
  'explain.rate': 'نرخ خودِ {segment} {effect}',
  'explain.mixMore': 'سهم بیشترِ {segment} در ترکیب {effect}',
  'explain.mixFewer': 'سهم کمترِ {segment} در ترکیب {effect}',
  'explain.segment': '{segment} {effect}',
  'explain.blank': '(خالی)',
  'explain.others': { one: '{count} بخش دیگر', other: '{count} بخش دیگر' },
  'explain.noValue': '{kpi} در {period} مقداری ندارد، پس تغییری برای توضیح نیست.',
  'explain.unknownKpi': 'شاخصی به نام «{kpi}» نیست.',
  'explain.notDecomposable':
    '{kpi} جمع، شمارش یا نسبتی از آن‌ها نیست (میانگین، شمارش یکتا یا مقایسه در طول زمان است)، پس تغییرش را نمی‌توان میان بخش‌ها تقسیم کرد.',
  'explain.noPeriod': 'داده‌ای که {kpi} می‌خواند دوره‌ای برای مقایسه ندارد.',
  'explain.heading': 'چرا تغییر کرد؟',
  'explain.by': 'تفکیک بر پایهٔ',
  'explain.pickDimension': 'یک بُعد برگزینید',
  'explain.compare': 'مقایسه',
  'explain.vsPrevious': 'آخرین دوره با دورهٔ پیش',
  'explain.vsLastYear': 'آخرین دوره با همان دوره در سال پیش',
  'explain.pending': 'در حال تفکیک تغییر…',
  'explain.formula': 'فرمول {kpi} ایراد دارد، پس تغییرش را نمی‌توان تفکیک کرد.',
  'explain.failed': 'تغییر تفکیک نشد: {message}',
  'explain.chartLabel': 'نمودار آبشاری تغییر {kpi} بر پایهٔ {by}',
  'explain.rateBar': '{segment}: نرخ',
  'explain.mixBar': '{segment}: ترکیب',
};
