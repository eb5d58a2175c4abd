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
  'workbook.menu': 'منوی کارپوشه',
  'workbook.new': 'کارپوشهٔ تازه',
  'workbook.recent': 'به‌تازگی بسته‌شده…',
  'workbook.askTitle': 'تغییرات «{title}» ذخیره شود؟',
  'workbook.askText':
    'این کارپوشه تغییراتی دارد که در هیچ فایل ‎.shakhes نیست. آن‌ها را در فایل ذخیره کنید یا کنار بگذارید: کارپوشهٔ کنارگذاشته در همین مرورگر زیر «به‌تازگی بسته‌شده» می‌ماند تا وقتی آن فهرست را خالی کنید.',
  'workbook.askSave': 'ذخیره',
  'workbook.askDiscard': 'کنار گذاشتن',
  'workbook.recentTitle': 'کارپوشه‌های به‌تازگی بسته‌شده',
  'workbook.recentNone':
    'هنوز چیزی نیست. کارپوشه‌ای که با باز کردن یا شروع کارپوشهٔ دیگری جایگزین شود، این‌جا نگه داشته می‌شود.',
  'workbook.recentTables': { one: '{count} جدول', other: '{count} جدول' },
  'workbook.recentRestore': 'بازگرداندن',
  'workbook.recentRestoreLabel': 'بازگرداندن {title}، بسته‌شده در {time}',
  'workbook.recentEmpty': 'خالی کردن فهرست',
  'workbook.recentFailed': 'این کارپوشه بازگردانده نشد؛ در فهرست می‌ماند.',
  'autosave.quota':
    'این مرورگر دیگر جایی برای نگه‌داشتن آخرین تغییرات شما ندارد. همین حالا کارپوشه را در فایل ‎.shakhes ذخیره کنید، سپس کمی جا آزاد کنید (داده‌های ذخیره‌شدهٔ سایت‌های دیگر، یا موارد «به‌تازگی بسته‌شده»).',
  'autosave.unavailable':
    'این مرورگر اجازه نمی‌دهد صفحه تغییرات شما را نگه دارد (پنجرهٔ خصوصی، یا فضای ذخیرهٔ سایت خاموش است). پیش از بستن یا تازه‌سازی این زبانه، کارپوشه را در فایل ‎.shakhes ذخیره کنید.',
  'autosave.failed':
    'آخرین تغییرات شما در این مرورگر نگه داشته نشد ({detail}). برای نگه‌داشتن آن‌ها کارپوشه را در فایل ‎.shakhes ذخیره کنید.',
  'autosave.saveFile': 'ذخیره در فایل ‎.shakhes',
  'autosave.missing':
    'نشست پیشین بدون این جدول‌ها بازگشت، چون هنوز نگه داشته نشده بودند: {tables}. فایل‌هایشان را دوباره بارگذاری کنید.',
  'autosave.gone':
    'این جدول‌های نشست پیشین دیگر روی سرور نیستند: {tables}. برای بازگرداندنشان shakhes serve را دوباره با فایل‌هایشان اجرا کنید.',
  'autosave.goneDropped':
    'این جدول‌های نشست پیشین، که فایلشان را روی صفحه رها کرده بودید، دیگر روی سرور نیستند: {tables}. برای بازگرداندنشان فایل‌هایشان را دوباره روی صفحه رها کنید.',
  'workbook.renamedServed':
    'سرور از پیش جدولی به نام «{table}» دارد (خوانده از {path})، پس «{table}» خود این کارپوشه با نام «{as}» آمد. چیزی جایگزین نشد؛ فرمول‌هایی که «{table}» را نام می‌برند اکنون جدول سرور را می‌خوانند.',
  'workbook.unmappedServed':
    'سرور از پیش جدولی به نام «{view}» دارد (خوانده از {path})، پس نگاشت «{table}» این کارپوشه به {view} کنار گذاشته شد: شاخص‌های فهرست «{view}» سرور را می‌خوانند. «{table}» همان‌گونه که بود بارگذاری شد؛ اگر لازم است آن را به جدول دیگری نگاشت کنید.',
  'workbook.savedByReference':
    'با داده‌هایش ذخیره شد، جز جدول‌هایی که shakhes serve نگه می‌دارد؛ فایل آن‌ها را با مسیرشان نام می‌برد اما کپی نمی‌کند: {tables}. فایل را در shakhes serve با همان فایل‌ها باز کنید، یا وقتی Shakhes خواست، فایل‌ها را بدهید.',
};
