import { demoNotebook } from '../core/notebook/demo';
import type { NotebookCell } from '../core/notebook/types';

/**
 * The demo notebook's text in Persian, keyed by cell id: the same story, written for a
 * Persian-speaking client. Cell names and SQL stay as they are (other cells refer to them).
 */
export const DEMO_NOTEBOOK_FA: Readonly<Record<string, string>> = {
  'demo-intro':
    '# مروری بر فصل\n\nپرسش‌هایی دربارهٔ **Kestrelwood Analytics** که هر یک را سلولی در پایین پاسخ می‌دهد. هر سلولی را ویرایش کنید و `Shift+Enter` بزنید: فقط سلول‌هایی که از آن می‌خوانند دوباره اجرا می‌شوند.',
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
  'demo-h-pivot': '## مشتریان ما کجا هستند\n\nمشتریان به تفکیک منطقه و بخش، با جمع‌ها.',
};

const demoEnglish = new Map(demoNotebook().map((c) => [c.id, c.source]));

/** A demo cell's text in a language; undefined for cells the demo does not write. */
function demoText(id: string, locale: 'en' | 'fa'): string | undefined {
  if (DEMO_NOTEBOOK_FA[id] === undefined) return undefined;
  return locale === 'fa' ? DEMO_NOTEBOOK_FA[id] : demoEnglish.get(id);
}

/**
 * The demo notebook's text in the given language. Only a cell still holding the demo's own
 * text (in either language) is rewritten: what the user typed stays as typed. The same
 * array comes back when nothing changes, so a caller can tell.
 */
export function localizeDemoNotebook(cells: NotebookCell[], locale: 'en' | 'fa'): NotebookCell[] {
  let changed = false;
  const next = cells.map((c) => {
    const text = c.kind === 'markdown' ? demoText(c.id, locale) : undefined;
    if (text === undefined || text === c.source) return c;
    const untouched = c.source === demoText(c.id, 'en') || c.source === demoText(c.id, 'fa');
    if (!untouched) return c;
    changed = true;
    return { ...c, source: text };
  });
  return changed ? next : cells;
}
