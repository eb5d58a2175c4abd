import type { NotebookCell } from '../core/notebook/types';

/**
 * The demo notebook's text in Persian, keyed by cell id: the same story, written for a
 * Persian-speaking client. Cell names and SQL stay as they are (other cells refer to them).
 */
export const DEMO_NOTEBOOK_FA: Readonly<Record<string, string>> = {
  'demo-intro':
    '# مروری بر فصل\n\nچهار پرسش دربارهٔ **Kestrelwood Analytics** که هر یک را سلولی در پایین پاسخ می‌دهد. هر سلولی را ویرایش کنید و `Shift+Enter` بزنید: فقط سلول‌هایی که از آن می‌خوانند دوباره اجرا می‌شوند.',
  'demo-h-changed': '## در این فصل چه تغییر کرد',
  'demo-h-churn': '## کدام بخش ریزش دارد\n\nنرخ ریزش فصلی به تفکیک بخش مشتری، میانگین چهار فصل اخیر.',
  'demo-h-drivers':
    '## کدام محرک رضایت را جابه‌جا می‌کند\n\nهر محرک نظرسنجی: چقدر CSAT را تکان می‌دهد (همبستگی) در برابر اینکه ما در آن چقدر خوب امتیاز می‌گیریم. بالا و چپ جایی است که باید اقدام کرد.',
  'demo-h-channels': '## کدام کانال ارزان‌تر مشتری می‌آورد\n\nهزینهٔ پولی هر سرنخ، به تفکیک کانال.',
  'demo-h-rfm':
    '## بهترین مشتریان ما چه کسانی‌اند\n\nبخش‌بندی RFM از تاریخچهٔ سفارش‌ها: تازگی، تکرار و مبلغ خرید، امتیازدهی‌شده در پنجک‌ها.',
  'demo-h-cohorts':
    '## مشتریان چقدر می‌مانند\n\nسهم هر ماه ثبت‌نام که هنوز مشتری است، بر حسب ماه‌های پس از ثبت‌نام.',
  'demo-h-funnel': '## سرنخ‌ها کجا از دست می‌روند\n\nسرنخ‌هایی که به هر مرحله رسیدند، به تفکیک منبع.',
};

/** The demo notebook in the given language: Persian replaces the text cells it has. */
export function localizeDemoNotebook(cells: NotebookCell[], locale: 'en' | 'fa'): NotebookCell[] {
  if (locale !== 'fa') return cells;
  return cells.map((c) => {
    const text = c.kind === 'markdown' ? DEMO_NOTEBOOK_FA[c.id] : undefined;
    return text === undefined ? c : { ...c, source: text };
  });
}
