import type { sheetsEn } from './sheets.en';
import type { Message } from './t';

/** The sheet tabs in Persian; the same keys as sheets.en.ts. */
export const sheetsFa: Partial<Record<keyof typeof sheetsEn, Message>> = {
  'sheets.numbered': '{name} {n}',
  'sheets.add': 'افزودن برگه',
  'sheets.addNotebook': 'برگهٔ دفترچهٔ تازه',
  'sheets.actions': 'کارهای برگه',
  'sheets.actionsFor': 'کارهای {name}',
  'sheets.tabHint':
    'برای تغییر نام دوبار کلیک کنید یا F2 را بزنید، برای کارهای بیشتر کلیک راست کنید؛ Ctrl+PageUp و Ctrl+PageDown میان برگه‌ها جابه‌جا می‌شوند',
  'sheets.rename': 'تغییر نام',
  'sheets.renameLabel': 'نام تازه برای {name}',
  'sheets.moveLeft': 'انتقال به چپ',
  'sheets.moveRight': 'انتقال به راست',
  'sheets.delete': 'حذف…',
  'sheets.deleteTitle': '{name} حذف شود؟',
  'sheets.deleteNotebook': {
    one: 'برگه و یک سلولش حذف می‌شوند. واگرد (Ctrl+Z) آن‌ها را برمی‌گرداند.',
    other: 'برگه و {count} سلولش حذف می‌شوند. واگرد (Ctrl+Z) آن‌ها را برمی‌گرداند.',
  },
  'sheets.deleteSheet': 'برگه حذف می‌شود. واگرد (Ctrl+Z) آن را برمی‌گرداند.',
  'sheets.deleteConfirm': 'حذف برگه',
  'sheets.cancel': 'انصراف',
  'sheets.problem.empty': 'برگه باید نامی داشته باشد.',
  'sheets.problem.taken': 'برگهٔ دیگری همین حالا {name} نام دارد.',
  'sheets.problem.lastScorecard': 'این تنها برگهٔ کارنامه است؛ کارپوشه یکی را برای نمایش شاخص‌هایش نگه می‌دارد.',
  'sheets.problem.lastData': 'این تنها برگهٔ داده‌هاست؛ کارپوشه یکی را برای نمایش جدول‌هایش نگه می‌دارد.',
};
