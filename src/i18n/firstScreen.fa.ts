import type { firstScreenEn } from './firstScreen.en';
import type { Message } from './t';

/** The first screen, the scorecard's column views and folded KPIs in Persian; the same keys as firstScreen.en.ts. */
export const firstScreenFa: Partial<Record<keyof typeof firstScreenEn, Message>> = {
  'loading.starting': 'در جست‌وجوی آخرین کارپوشهٔ شما…',
  'loading.demo': 'بارگذاری نمونه: {done} از {total} جدول',
  'loading.autosave': 'بازگرداندن آخرین کارپوشهٔ شما: {done} از {total} جدول',
  'loading.autosaveEngine': 'بازگرداندن آخرین کارپوشهٔ شما: جدول‌ها به پایگاه داده برگردانده می‌شوند…',
  'loading.demoHint': 'داده‌های نمونهٔ CRM یک شرکت خیالی؛ هر زمان می‌توانید فایل‌های خودتان را جایش بگذارید.',
  'loading.autosaveHint': 'همه‌چیز در همین مرورگر می‌ماند؛ کارنامه وقتی جدول‌ها برگشتند باز می‌شود.',
  'loading.file': 'در حال خواندن {file}',
  'loading.progress': 'پیشرفت بارگذاری',
  'scorecard.col.vsBenchmark': 'نسبت به معیار',
  'scorecard.view.periods': 'کل و دوره‌ها',
  'scorecard.view.targets': 'هدف‌ها و آستانه‌ها',
  'scorecard.view.label': 'ستون‌های نمایش‌داده‌شده',
  'scorecard.fold.group': 'نیازمند دادهٔ بیشتر',
  'scorecard.fold.tables': {
    one: '{count} شاخص {family} به جدول {tables} نیاز دارد',
    other: '{count} شاخص {family} به جدول {tables} نیاز دارند',
  },
  'scorecard.fold.columns': {
    one: '{count} شاخص {family} به {columns} نیاز دارد',
    other: '{count} شاخص {family} به {columns} نیاز دارند',
  },
  'scorecard.fold.both': {
    one: '{count} شاخص {family} به جدول {tables} یا {columns} نیاز دارد',
    other: '{count} شاخص {family} به جدول {tables} یا {columns} نیاز دارند',
  },
  'scorecard.fold.or': ' یا ',
  'scorecard.fold.and': '، ',
  'scorecard.fold.more': '{list} و {n} مورد دیگر',
  'scorecard.fold.mapOne': 'یکی را نگاشت کنید',
  'scorecard.fold.mapColumns': 'آن‌ها را نگاشت کنید',
  'scorecard.fold.show': 'نمایش {count} شاخص',
  'scorecard.fold.hide': 'پنهان کردن فهرست',
  'fold.customer': 'مشتری',
  'fold.sales': 'فروش و بازاریابی',
  'fold.social': 'شبکه‌های اجتماعی',
  'fold.employee': 'کارکنان',
  'fold.financial': 'مالی',
  'fold.operational': 'عملیاتی',
  'fold.risk': 'ریسک',
  'fold.custom': 'سفارشی',
};
