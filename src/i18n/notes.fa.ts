import type { notesEn } from './notes.en';
import type { Message } from './t';

/** Notes on a KPI and a day, in Persian; the same keys as notes.en.ts. */
export const notesFa: Partial<Record<keyof typeof notesEn, Message>> = {
  'notes.heading': 'یادداشت‌ها',
  'notes.none': 'هنوز یادداشتی برای این شاخص نیست.',
  'notes.date': 'روز',
  'notes.text': 'یادداشت',
  'notes.placeholder': 'تغییر قیمت در ۱ اسفند',
  'notes.add': 'افزودن یادداشت',
  'notes.save': 'ذخیرهٔ یادداشت',
  'notes.cancel': 'انصراف',
  'notes.edit': 'ویرایش',
  'notes.remove': 'حذف',
  'notes.editLabel': 'ویرایش یادداشتِ {date}',
  'notes.removeLabel': 'حذف یادداشتِ {date}',
  'notes.empty': 'اول متن یادداشت را بنویسید.',
  'notes.too-long': 'یادداشت حداکثر {max} نویسه دارد.',
  'notes.bad-date': 'روزی را که یادداشت دربارهٔ آن است انتخاب کنید.',
};
