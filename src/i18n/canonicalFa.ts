import type { CanonicalTableName } from '../core/model/canonical';
import { canonicalColumn, canonicalTable } from '../core/model/canonical';
import type { Locale } from './locale';

/**
 * The canonical CRM model's descriptions in Persian, keyed by table and column name (the
 * names themselves are SQL names formulas use, the same in every language). Kept apart
 * from src/core/model/canonical.ts, whose English the CLI and docs read, as the KPI
 * catalog's Persian is kept apart from the catalog; a unit test checks every table and
 * column has one.
 */
export const CANONICAL_FA: Readonly<
  Record<
    CanonicalTableName,
    { readonly description: string; readonly columns: Readonly<Record<string, string>> }
  >
> = {
  customers: {
    description: 'هر سطر یک حساب مشتری، با روزی که آغاز کرد و روزی که رفت.',
    columns: {
      customer_id: 'کلید یکتای مشتری.',
      created_at: 'روزی که مشتری، مشتری شد.',
      churned_at: 'روزی که مشتری رفت (ریزش)؛ تا وقتی مشتری است خالی می‌ماند.',
      name: 'نام حساب.',
      segment: 'گروه مشتری، مانند کسب‌وکار کوچک، متوسط یا سازمانی.',
      region: 'منطقهٔ فروش.',
      industry: 'صنعت مشتری.',
      channel: 'کانال جذبی که مشتری از آن آمد.',
      owner: 'مسئول حساب.',
    },
  },
  leads: {
    description: 'هر سطر یک سرنخ، با مرحله‌هایی از قیف که به آن‌ها رسید.',
    columns: {
      lead_id: 'کلید یکتای سرنخ.',
      created_at: 'روزی که سرنخ رسید.',
      source: 'منبع یا کانال بازاریابی سرنخ.',
      status: 'وضعیت کنونی در قیف.',
      mql_at: 'روزی که سرنخ واجد شرایط بازاریابی (MQL) شد؛ اگر هرگز نشد خالی است.',
      sql_at: 'روزی که سرنخ واجد شرایط فروش (SQL) شد؛ اگر هرگز نشد خالی است.',
      converted_at: 'روزی که سرنخ مشتری شد؛ اگر هرگز نشد خالی است.',
      customer_id: 'مشتری‌ای که سرنخ به آن تبدیل شد.',
      owner: 'کارشناس فروش مسئول سرنخ.',
    },
  },
  deals: {
    description: 'هر سطر یک فرصت فروش (معامله).',
    columns: {
      deal_id: 'کلید یکتای معامله.',
      created_at: 'روزی که معامله باز شد.',
      stage: 'مرحلهٔ قیف فروش، مانند پیشنهاد، مذاکره، بسته‌شده با برد، بسته‌شده با باخت.',
      amount: 'ارزش معامله به واحد پول کارپوشه.',
      closed_at: 'روزی که معامله برده یا باخته شد؛ تا وقتی باز است خالی می‌ماند.',
      won: 'برای معاملهٔ برده «درست» (true) است؛ اگر این ستون نباشد از روی مرحله به دست می‌آید.',
      customer_id: 'مشتری طرف معامله.',
      owner: 'کارشناس فروش مسئول معامله.',
      source: 'جایی که معامله از آن آمد.',
    },
  },
  orders: {
    description: 'هر سطر یک سفارش یا ردیف فاکتور که درآمد آورد.',
    columns: {
      order_id: 'کلید یکتای سفارش.',
      customer_id: 'مشتری‌ای که سفارش داد.',
      ordered_at: 'روز سفارش.',
      revenue: 'درآمد شناسایی‌شدهٔ سفارش.',
      cost: 'بهای تمام‌شدهٔ آنچه فروخته شد، برای حاشیهٔ سود ناخالص.',
      quantity: 'تعداد واحد یا کاربری (لایسنس) که سفارش داده شد.',
    },
  },
  tickets: {
    description: 'هر سطر یک تیکت پشتیبانی.',
    columns: {
      ticket_id: 'کلید یکتای تیکت.',
      created_at: 'زمانی که تیکت باز شد.',
      customer_id: 'مشتری‌ای که آن را باز کرد.',
      type: 'نوع درخواست، مانند پرسش، خطا، شکایت.',
      priority: 'اولویت، مانند کم، متوسط، زیاد، فوری.',
      channel: 'کانال تماس، مانند ایمیل، گفت‌وگوی آنلاین، تلفن.',
      agent: 'کارشناس پشتیبانی که به آن رسیدگی می‌کند.',
      first_response_at: 'نخستین پاسخ کارشناس؛ اگر هنوز پاسخی نیامده خالی است.',
      resolved_at: 'زمانی که حل شد؛ تا وقتی باز است خالی می‌ماند.',
      contacts_to_resolve: 'شمار تماس‌هایی که تا حل آن لازم شد؛ ۱ یعنی حل در نخستین تماس.',
    },
  },
  surveys: {
    description: 'هر سطر یک پاسخ نظرسنجی؛ دیگر ستون‌های عددی امتیاز عامل‌ها هستند.',
    columns: {
      response_id: 'کلید یکتای پاسخ.',
      answered_at: 'روز پاسخ.',
      customer_id: 'مشتری‌ای که پاسخ داد.',
      nps: 'احتمال پیشنهاد به دیگران، از ۰ تا ۱۰.',
      csat: 'رضایت، از ۱ تا ۵.',
      ces: 'تلاش مشتری («کار را آسان کرد»)، از ۱ تا ۷.',
    },
  },
  marketing: {
    description: 'هزینه و نتیجه به تفکیک کانال و روز (یا کمپین).',
    columns: {
      date: 'روز هزینه.',
      channel: 'کانال بازاریابی.',
      spend: 'پول خرج‌شده.',
      campaign: 'نام کمپین.',
      impressions: 'دفعه‌هایی که تبلیغ نمایش داده شد.',
      clicks: 'کلیک روی تبلیغ.',
      leads: 'سرنخ‌هایی که به این کانال نسبت داده می‌شوند.',
    },
  },
  web: {
    description: 'ترافیک وب‌سایت به تفکیک روز (و منبع ترافیک).',
    columns: {
      date: 'روز ترافیک.',
      sessions: 'بازدیدها (نشست‌ها).',
      users: 'بازدیدکنندگان یکتا.',
      pageviews: 'صفحه‌های دیده‌شده.',
      conversions: 'تکمیل هدف، مانند ثبت‌نام یا درخواست دمو.',
      source: 'منبع ترافیک.',
    },
  },
  social: {
    description: 'مخاطبان و فعالیت به تفکیک شبکهٔ اجتماعی و روز.',
    columns: {
      date: 'روز عکس لحظه‌ای.',
      platform: 'شبکهٔ اجتماعی.',
      followers: 'دنبال‌کنندگان در پایان روز.',
      posts: 'پست‌های منتشرشده.',
      impressions: 'دفعه‌هایی که محتوا نمایش داده شد.',
      reach: 'حساب‌های یکتایی که محتوا به آن‌ها رسید (دسترسی).',
      engagements: 'پسندها، نظرها، اشتراک‌گذاری‌ها و ذخیره‌ها.',
      clicks: 'کلیک روی پیوندها.',
    },
  },
  employees: {
    description: 'هر سطر یک کارمند، با روز استخدام و روز رفتن.',
    columns: {
      employee_id: 'کلید یکتای کارمند.',
      hired_at: 'نخستین روز کار.',
      left_at: 'روزی که کارمند رفت؛ تا وقتی در استخدام است خالی می‌ماند.',
      department: 'واحد سازمانی.',
      team: 'تیم درون واحد.',
    },
  },
  attendance: {
    description: 'ساعت‌های برنامه‌ریزی‌شده و غیبت به تفکیک کارمند و روز (یا هفته).',
    columns: {
      employee_id: 'کارمند.',
      date: 'روز، یا نخستین روز هفته، که ساعت‌ها به آن تعلق دارند.',
      scheduled_hours: 'ساعت‌هایی که کار کارمند برنامه‌ریزی شده بود.',
      absent_hours: 'ساعت‌های برنامه‌ریزی‌شده‌ای که کار نشد (غیبت برنامه‌ریزی‌نشده).',
    },
  },
  training: {
    description: 'هر سطر یک جلسهٔ آموزشی که کارمند در آن شرکت کرد.',
    columns: {
      employee_id: 'کارمند آموزش‌دیده.',
      date: 'روز جلسه.',
      hours: 'ساعت‌های آموزش.',
    },
  },
  expenses: {
    description: 'هزینه‌ها به تفکیک روز یا ماه و دسته.',
    columns: {
      date: 'روزی که هزینه ثبت شد.',
      amount: 'مبلغ خرج‌شده.',
      category: 'دستهٔ هزینه، مانند حقوق، بازاریابی.',
    },
  },
};

/** A canonical table's description in the language given; English when Persian has none. */
export function canonicalTableDescriptionIn(locale: Locale, table: string): string {
  const english = canonicalTable(table)?.description ?? '';
  if (locale !== 'fa') return english;
  return CANONICAL_FA[table as CanonicalTableName]?.description ?? english;
}

/** A canonical column's description in the language given, by the same rule. */
export function canonicalColumnDescriptionIn(locale: Locale, table: string, column: string): string {
  const english = canonicalColumn(table, column)?.description ?? '';
  if (locale !== 'fa') return english;
  return CANONICAL_FA[table as CanonicalTableName]?.columns[column] ?? english;
}
