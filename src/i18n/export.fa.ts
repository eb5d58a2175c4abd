import type { exportEn } from './export.en';
import type { Message } from './t';

/** The exports and the printable report in Persian; the same keys as export.en.ts. */
export const exportFa: Partial<Record<keyof typeof exportEn, Message>> = {
  'export.button': 'خروجی',
  'export.menuLabel': 'خروجی گرفتن از {what}',
  'export.csv': 'CSV',
  'export.csvHint': 'در هر صفحه‌گسترده‌ای باز می‌شود؛ متنی که شبیه فرمول است، متن می‌ماند.',
  'export.xlsx': 'کارپوشهٔ اکسل (‎.xlsx)',
  'export.xlsxHint': 'عددها، تاریخ‌ها و متن‌ها نوعشان را نگه می‌دارند.',
  'export.parquet': 'Parquet',
  'export.parquetHint': 'فشرده و نوع‌دار، برای ابزارهای داده.',
  'export.filtered': '{count} سطری که با پالایه‌های جدول جورند، به همان ترتیب، خروجی گرفته می‌شوند.',
  'export.all': { one: 'همهٔ {count} سطر خروجی گرفته می‌شود.', other: 'همهٔ {count} سطر خروجی گرفته می‌شوند.' },
  'export.scorecardHint': 'همهٔ شاخص‌ها با مقایسه‌ها، وضعیت و یک ستون برای هر دوره.',
  'export.working': 'در حال خروجی گرفتن…',
  'export.failed': 'خروجی گرفته نشد: {message}',

  'export.col.family': 'خانواده',
  'export.col.unit': 'واحد',
  'export.col.period': 'آخرین دوره',

  'print.button': 'چاپ گزارش',
  'print.buttonHint': 'گزارشی چاپی از کارنامه همراه با نمودارها (A4 یا Letter)؛ چاپش کنید یا PDF ذخیره کنید.',
  'print.preparing': 'در حال آماده‌سازی گزارش…',
  'print.print': 'چاپ',
  'print.close': 'بستن',
  'print.dialogLabel': 'گزارش چاپی کارنامه',
  'print.subtitle': 'گزارش کارنامه · {date}',
  'print.settings': '{grain} · تقویم {calendar} · {from} تا {to} · معیارها: {industry}',
  'print.kpiCount': { one: '{count} شاخص', other: '{count} شاخص' },
  'print.charts': 'نمودارها',
  'print.chartsHint': 'شاخص‌های خارج از مسیر یا زیر نظر، و شاخص انتخاب‌شده.',
  'print.noKpis': 'کارنامه هنوز شاخصی برای گزارش ندارد.',
  'print.footer': 'ساخته‌شده با شاخص در مرورگر؛ هیچ داده‌ای از این رایانه بیرون نرفت.',
};
