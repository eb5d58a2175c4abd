import type { lifecycleEn } from './lifecycle.en';
import type { Message } from './t';

/** The workbook's lifecycle in Persian; the same keys as lifecycle.en.ts. */
export const lifecycleFa: Partial<Record<keyof typeof lifecycleEn, Message>> = {
  'tables.removeLabel': 'حذف جدول {table}',
  'tables.removed': 'جدول {table} حذف شد. شاخص‌هایی که از آن می‌خوانند تا واگرد در دسترس نیستند.',
  'tables.undo': 'واگرد',
  'tables.undoLabel': 'واگرد حذف جدول {table}',
  'tables.removeFailed':
    'جدول {table} حذف نشد و هنوز در کارپوشه است. دوباره امتحان کنید؛ اگر باز نشد، صفحه را دوباره بارگذاری کنید.',
  'tables.undoTaken':
    'جدول {table} برنمی‌گردد: از آن پس جدولی به همین نام بارگذاری شده است. نخست آن را حذف کنید، سپس واگرد کنید.',
  'tables.undoFailed': 'جدول {table} برگردانده نشد. فایلش را دوباره بارگذاری کنید.',
  'demo.banner': 'این نمونهٔ آزمایشی است: داده‌های ساختگی CRM یک شرکت خیالی.',
  'demo.startOwn': 'شروع با داده‌های خودم',
  'demo.startOwnHint': 'یک کارپوشهٔ خالی، آماده برای خروجی‌های CRM شما',
  'demo.close': 'بستن نمونه',
  'lifecycle.openFailed':
    'کارپوشهٔ {file} باز نشد: جدول‌هایش در پایگاه داده‌ی درون مرورگر گذاشته نشدند. کارپوشه‌ای که باز بود همچنان باز است. دوباره بازش کنید؛ اگر باز هم نشد، صفحه را دوباره بارگذاری کنید و نخست همین را باز کنید.',
  'lifecycle.newFailed':
    'کارپوشهٔ تازه ساخته نشد؛ کارپوشهٔ باز دست‌نخورده است. برای شروع دوباره، صفحه را دوباره بارگذاری کنید.',
};
