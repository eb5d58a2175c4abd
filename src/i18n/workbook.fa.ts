import type { Message } from './t';
import type { workbookEn } from './workbook.en';

/** The workbook file actions in Persian; the same keys as workbook.en.ts. */
export const workbookFa: Partial<Record<keyof typeof workbookEn, Message>> = {
  'workbook.untitled': 'کارپوشهٔ بی‌نام',
  'workbook.titleLabel': 'عنوان کارپوشه',
  'workbook.open': 'باز کردن کارپوشه',
  'workbook.openLabel': 'باز کردن کارپوشهٔ شاخص (‎.shakhes)',
  'workbook.save': 'ذخیره',
  'workbook.saveWithData': 'ذخیره با داده‌ها',
  'workbook.saveWithDataHint': 'یک فایل با تعریف‌ها و داده‌ها: همه‌جا، حتی بدون اینترنت، باز می‌شود.',
  'workbook.saveWithoutData': 'ذخیره بدون داده‌ها',
  'workbook.saveWithoutDataHint': 'فقط تعریف‌ها: هر کس آن را باز کند، فایل‌های اصلی از او خواسته می‌شود.',
  'workbook.saveMenu': 'گزینه‌های ذخیره',
  'workbook.undo': 'واگرد',
  'workbook.redo': 'ازنو',
  'workbook.saving': 'در حال ذخیره…',
  'workbook.opening': 'در حال باز کردن…',
  'workbook.needFilesTitle': '{file} بدون داده‌هایش ذخیره شده است',
  'workbook.needFilesText': 'فایل‌های اصلی را انتخاب کنید؛ همان‌طور که پیش‌تر خوانده شدند، خوانده می‌شوند:',
  'workbook.chooseFiles': 'انتخاب فایل‌ها',
  'workbook.chooseFilesLabel': 'انتخاب فایل‌های دادهٔ اصلی',
  'workbook.cancel': 'انصراف',
  'workbook.dismiss': 'بستن',
  'workbook.unsaved': 'این کارپوشه تغییراتی دارد که در فایلش ذخیره نشده است.',
};
