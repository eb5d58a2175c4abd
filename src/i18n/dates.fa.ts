import type { datesEn } from './dates.en';
import type { Message } from './t';

/** Typed dates in Persian; the same keys as dates.en.ts. */
export const datesFa: Partial<Record<keyof typeof datesEn, Message>> = {
  'dateEntry.hint': 'سال/ماه/روز، شمسی ({jalali}) یا میلادی ({gregorian})',
  'dateEntry.shape': 'تاریخ را با سال در آغاز بنویسید، مانند {example}.',
  'dateEntry.year': '{year} نه سال شمسی است (مانند {jalaliYear}) و نه سال میلادی (مانند {gregorianYear}).',
  'dateEntry.month': 'ماه {month} وجود ندارد: ماه‌ها از {first} تا {last} هستند.',
  'dateEntry.day': 'روز {day} در {month} {year} نیست: این ماه {days} روز دارد.',
  'dateEntry.order': 'آغاز پس از پایان است: {from} پس از {to} می‌آید.',
};
